namespace CloudConfig.Testing.Processes;

/// <summary>The machine's NuGet package folder, which a tool install may fill with the test's one-off versions.</summary>
public static class PackageCache
{
    /// <summary>Removes one version of one package from it (only what a test itself put there).</summary>
    public static void Remove(string id, string version)
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var folder = Path.Combine(root, id.ToLowerInvariant(), version.ToLowerInvariant());
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            // The id's folder too, once no version is left in it (another run may be filling it: then it stays).
            var idFolder = Path.GetDirectoryName(folder)!;
            if (Directory.Exists(idFolder) && !Directory.EnumerateFileSystemEntries(idFolder).Any())
            {
                Directory.Delete(idFolder);
            }
        }
        catch (IOException)
        {
            // Best effort: a leftover folder of a one-off version harms nothing.
        }
    }
}
