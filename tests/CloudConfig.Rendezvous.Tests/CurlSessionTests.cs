using CloudConfig.Testing.Processes;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>
/// The server README's curl session is true: the block runs, as written, in bash against a real server, and prints
/// exactly the output the README shows.
/// </summary>
public sealed class CurlSessionTests
{
    private const string Readme = "src/CloudConfig.Rendezvous/README.md";

    [Fact]
    public async Task ReadmeCurlSession_RunsAgainstARealServer_AndPrintsWhatTheReadmeShows()
    {
        var readme = (await File.ReadAllTextAsync(Path.Combine(OpenApiDocumentTests.RepositoryRoot(), Readme))).ReplaceLineEndings("\n");
        var session = BlockAfter(readme, "<!-- curl-session:", "```sh");
        var expected = BlockAfter(readme, "<!-- curl-session-output -->", "```text");
        await using var server = await TestServer.StartAsync();
        var environment = new Dictionary<string, string?>
        {
            ["SERVER"] = server.BaseAddress.ToString().TrimEnd('/'),
            ["CLOUDCONFIG_API_KEY"] = TestServer.ApiKey,
        };

        var run = await ChildProcess.RunAsync("bash", ["-euo", "pipefail", "-c", session], environment, Path.GetTempPath(), TimeSpan.FromSeconds(60));

        Assert.True(run.ExitCode == 0, $"The session failed (exit {run.ExitCode}):\n{run.All}");
        Assert.Equal(expected, run.Out.ReplaceLineEndings("\n"));
        Assert.DoesNotContain(TestServer.ApiKey, run.All, StringComparison.Ordinal);
        Assert.Empty(await server.Cache.ListAsync().ToListAsync());
    }

    // The fenced block that opens after a marker line, without its fences.
    private static string BlockAfter(string readme, string marker, string fence)
    {
        var at = readme.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{Readme} has no '{marker}' line.");
        var start = readme.IndexOf(fence + "\n", at, StringComparison.Ordinal) + fence.Length + 1;
        var end = readme.IndexOf("\n```\n", start - 1, StringComparison.Ordinal);
        return readme[start..(end + 1)];
    }
}
