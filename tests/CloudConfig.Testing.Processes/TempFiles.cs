namespace CloudConfig.Testing.Processes;

/// <summary>A temporary folder for a test's input files, deleted when the test ends.</summary>
public sealed class TempFiles : IDisposable
{
    public TempFiles() => Directory.CreateDirectory(Folder);

    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "cloudconfig-tests-" + Guid.NewGuid().ToString("N"));

    public string Write(string name, string content)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp file must not fail the test.
        }
    }
}
