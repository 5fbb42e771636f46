namespace CloudConfig.Agent.Tests.State;

public sealed class PrivateFilesTests : IDisposable
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void EnsureDirectory_ExistingOpenDirectory_IsTightenedTo0700()
    {
        var path = _temp.File("state");
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, Private | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        PrivateFiles.EnsureDirectory(path);

        Assert.Equal(Private, File.GetUnixFileMode(path));
    }

    [Fact]
    public void EnsureDirectory_SharedStickyDirectory_IsRefusedAndLeftAlone()
    {
        var path = _temp.File("shared");
        Directory.CreateDirectory(path);
        var shared = Private | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
            | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute | UnixFileMode.StickyBit;
        File.SetUnixFileMode(path, shared);

        var error = Assert.Throws<ConfigAgentException>(() => PrivateFiles.EnsureDirectory(path));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Equal(shared, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task WriteAtomically_ExistingFile_IsReplacedWith0600AndNoTemporaryLeft()
    {
        var path = _temp.Write("state.json", "old");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);

        await PrivateFiles.WriteAtomicallyAsync(path, "new"u8.ToArray(), CancellationToken.None);

        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }
}
