using CloudConfig.Testing.Processes;

namespace CloudConfig.Packaging.Tests;

/// <summary>
/// A change to a package's public surface that its PublicAPI files do not record fails the build, in a copy of the
/// repository: so every such change is a deliberate, visible diff.
/// </summary>
public sealed class PublicApiBuildTests : IDisposable
{
    private const string Project = "src/CloudConfig.Core/CloudConfig.Core.csproj";
    private static readonly TimeSpan BuildDeadline = TimeSpan.FromMinutes(15);
    private readonly TempFiles _work = new();

    [Fact]
    public async Task Build_PublicSymbolAddedOrRemovedWithoutItsApiLine_FailsNamingIt()
    {
        var repo = Path.Combine(_work.Folder, "repo");
        RepositoryCopy.Create(Project, repo);
        var core = Path.Combine(repo, "src", "CloudConfig.Core");
        File.WriteAllText(Path.Combine(core, "Undeclared.cs"), """
            namespace CloudConfig.Core;

            /// <summary>Public, but in no PublicAPI file.</summary>
            public static class Undeclared
            {
                /// <summary>Also undeclared.</summary>
                public static int Answer => 42;
            }
            """);

        var added = await BuildAsync(repo);

        File.Delete(Path.Combine(core, "Undeclared.cs"));
        var unshipped = Path.Combine(core, "PublicAPI.Unshipped.txt");
        File.WriteAllLines(unshipped, [.. File.ReadLines(unshipped), "CloudConfig.Core.Removed", "static CloudConfig.Core.Removed.Gone() -> void"]);

        var removed = await BuildAsync(repo);

        Assert.NotEqual(0, added.ExitCode);
        Assert.Contains("error RS0016: Symbol 'CloudConfig.Core.Undeclared'", added.All, StringComparison.Ordinal);
        Assert.Contains("error RS0016: Symbol 'static CloudConfig.Core.Undeclared.Answer.get -> int'", added.All, StringComparison.Ordinal);
        Assert.NotEqual(0, removed.ExitCode);
        Assert.Contains("error RS0017: Symbol 'CloudConfig.Core.Removed'", removed.All, StringComparison.Ordinal);
        Assert.DoesNotContain("RS0016", removed.All, StringComparison.Ordinal);
    }

    public void Dispose() => _work.Dispose();

    private static Task<ProcessRun> BuildAsync(string repo) => ChildProcess.RunAsync(
        DotnetHost.Executable,
        ["build", Project, "-c", "Release", "--disable-build-servers", "-nodeReuse:false"],
        DotnetHost.ChildEnvironment(),
        repo,
        BuildDeadline);
}
