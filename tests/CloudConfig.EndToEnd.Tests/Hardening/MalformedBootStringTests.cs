using System.Net;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// The agent executable given each malformed boot string (<see cref="MalformedBootString.All"/>) on its command line
/// and in its environment: the documented exit code, one line on standard error, no connection anywhere, no crash,
/// and the secret in no output line.
/// </summary>
public sealed class MalformedBootStringTests
{
    public static TheoryData<string, bool> Cases
    {
        get
        {
            var cases = new TheoryData<string, bool>();
            foreach (var row in MalformedBootString.All)
            {
                cases.Add(row.Name, false);
                cases.Add(row.Name, true);
            }

            return cases;
        }
    }

    [Fact]
    public void Corpus_HasAtLeast40DistinctStrings() =>
        Assert.True(MalformedBootString.All.Select(r => r.Text("127.0.0.1:1")).Distinct().Count() >= 40);

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Agent_MalformedBootString_ExitsWithItsCodeWithoutContactOrEcho(string name, bool inEnvironment)
    {
        var row = MalformedBootString.All.Single(r => r.Name == name);
        await using var listener = RawHttpServer.Start(RawAnswers.CloseAtOnce);
        var text = row.Text($"127.0.0.1:{listener.Port}");
        await using var agent = AgentProcess.Start(inEnvironment
            ? new AgentLaunch { Environment = new Dictionary<string, string> { ["CLOUDCONFIG_BOOT"] = text } }
            : new AgentLaunch { BootString = text });

        var exitCode = await agent.WaitForExitAsync();

        var expected = inEnvironment ? row.EnvironmentExit : row.CommandLineExit;
        Assert.True(expected == exitCode, $"Expected exit code {expected}, got {exitCode}. Output:\n{agent.Output}");
        Assert.True(MisbehavingServerTests.NonEmptyLines(agent.Stderr) == 1, "Standard error:\n" + agent.Stderr);
        Assert.DoesNotContain(MalformedBootString.Marker, agent.Output, StringComparison.Ordinal);
        Assert.Equal(0, listener.Connections);
    }
}
