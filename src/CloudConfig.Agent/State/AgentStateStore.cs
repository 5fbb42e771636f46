using System.Text.Json;

namespace CloudConfig.Agent;

/// <summary>Reads and writes the agent's state file in its private state directory.</summary>
internal sealed class AgentStateStore(string directory)
{
    public const string FileName = "state.json";

    public string Directory { get; } = directory;

    public string FilePath => Path.Combine(Directory, FileName);

    /// <summary>Whether a state file exists (without reading it).</summary>
    public bool Exists => File.Exists(FilePath);

    /// <summary>The saved state, or <see langword="null"/> on a fresh instance.</summary>
    /// <exception cref="ConfigAgentException">The state file exists but cannot be read.</exception>
    public async Task<AgentState?> LoadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(FilePath))
        {
            return null;
        }

        AgentState? state;
        try
        {
            var stream = File.OpenRead(FilePath);
            await using (stream.ConfigureAwait(false))
            {
                state = await JsonSerializer.DeserializeAsync(stream, AgentStateJsonContext.Default.AgentState, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (JsonException e)
        {
            // The path is safe to name; the content (with the trust key) is never quoted.
            throw new ConfigAgentException($"The agent state file {FilePath} is not valid; move it away to start over as a new instance.", e);
        }

        if (state is null || state.Version != AgentState.CurrentVersion)
        {
            throw new ConfigAgentException($"The agent state file {FilePath} has an unsupported version; move it away to start over as a new instance.");
        }

        return state;
    }

    public async Task SaveAsync(AgentState state, CancellationToken cancellationToken)
    {
        PrivateFiles.EnsureDirectory(Directory);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(state, AgentStateJsonContext.Default.AgentState);
        await PrivateFiles.WriteAtomicallyAsync(FilePath, bytes, cancellationToken).ConfigureAwait(false);
    }
}
