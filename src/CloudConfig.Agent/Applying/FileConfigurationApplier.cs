using System.Globalization;
using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>
/// Writes the configuration to a file (mode 0600, atomically replaced) for another tool to pick up; the
/// configuration may hold credentials of its own, so nobody else may read it.
/// </summary>
internal sealed class FileConfigurationApplier(string path) : IConfigurationApplier
{
    public string Path { get; } = path;

    public async Task<ConfigurationApplyResult> ApplyAsync(InstanceConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var directory = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path));
        if (directory is not null && !Directory.Exists(directory))
        {
            PrivateFiles.EnsureDirectory(directory);
        }

        await PrivateFiles.WriteAtomicallyAsync(Path, configuration.Configuration.Bytes, cancellationToken).ConfigureAwait(false);
        var output = string.Create(CultureInfo.InvariantCulture, $"Wrote generation {configuration.Generation} ({configuration.Configuration.Length} bytes, {configuration.Configuration.ContentType}) to {Path}.");
        return new ConfigurationApplyResult(Succeeded: true, ExitCode: 0, output);
    }
}
