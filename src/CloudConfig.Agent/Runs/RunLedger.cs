using System.Text.Json;

namespace CloudConfig.Agent;

/// <summary>
/// Where runs are recorded: <c>run/current.json</c> in the state directory, next to the run's private files
/// (<c>parameters-*</c>). Only one run exists at a time, because only the agent holding the state lock starts one.
/// </summary>
internal sealed class RunLedger(string stateDirectory)
{
    public const string DirectoryName = "run";
    public const string RecordName = "current.json";

    public string Directory { get; } = Path.Combine(stateDirectory, DirectoryName);

    public string RecordPath => Path.Combine(Directory, RecordName);

    public async Task WriteAsync(RunRecord record, CancellationToken cancellationToken)
    {
        PrivateFiles.EnsureDirectory(Directory);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(record, AgentStateJsonContext.Default.RunRecord);
        await PrivateFiles.WriteAtomicallyAsync(RecordPath, bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The recorded run, or null when none is; an unreadable record counts as none (it cannot name a process).</summary>
    public RunRecord? Read()
    {
        try
        {
            return File.Exists(RecordPath) ? JsonSerializer.Deserialize(File.ReadAllBytes(RecordPath), AgentStateJsonContext.Default.RunRecord) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Clear() => File.Delete(RecordPath);

    /// <summary>Removes every file a run leaves (the record, parameter files, temporaries); the caller holds the state lock.</summary>
    public int RemoveLeftoverFiles()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory))
        {
            File.Delete(file);
            removed++;
        }

        return removed;
    }
}
