using System.Net;
using System.Text.Json;
using CloudConfig.Core;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// The agent executable against every kind of misbehaving rendezvous server (<see cref="MisbehavingServer.All"/>):
/// each ends as documented, applies nothing it should not, talks to no other host, and never writes a secret.
/// </summary>
public sealed class MisbehavingServerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cloudconfig-e2e-misbehaving-").FullName;

    public static TheoryData<string> Servers => new(MisbehavingServer.All.Select(s => s.Name));

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [Fact]
    public void Corpus_CoversEveryStatusClassAndAtLeast25Servers()
    {
        Assert.True(MisbehavingServer.All.Count >= 25);
        Assert.Equal(MisbehavingServer.All.Count, MisbehavingServer.All.Select(s => s.Name).Distinct().Count());
        foreach (var statusClass in new[] { "1", "2", "3", "4", "5" })
        {
            Assert.Contains(MisbehavingServer.All, s => s.Name.StartsWith(statusClass, StringComparison.Ordinal) || s.Name.Contains($" {statusClass}0", StringComparison.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Servers))]
    public async Task Agent_MisbehavingServer_EndsAsDocumentedAppliesNothingAndLeaksNoSecret(string name)
    {
        var server = MisbehavingServer.All.Single(s => s.Name == name);
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        await using var bystander = RawHttpServer.Start(RawAnswers.CloseAtOnce, IPAddress.Parse("127.0.0.2"));
        using var certificate = server.WrongCertificate ? SelfSignedCertificate.Create() : null;
        using var pinned = server.WrongCertificate ? SelfSignedCertificate.Create("CN=the-pinned-one.e2e.test") : null;
        await using var rendezvous = RawHttpServer.Start(server.Answer(uuid, bystander), certificate: certificate);
        var marker = Path.Combine(_work, "applied");
        var bootString = BootString.Create(uuid, rendezvous.Address, bootSecret, pinned is null ? null : CertificateFingerprint.Of(pinned)).Format();
        await using var agent = AgentProcess.Start(new AgentLaunch
        {
            BootString = bootString,
            AllowInsecure = !server.WrongCertificate,
            Script = $"cat > /dev/null; echo applied >> '{marker}'",
            ExtraArguments = ["--once"],
        });

        if (server.ExitCode is { } expected)
        {
            var exitCode = await agent.WaitForExitAsync();
            Assert.True(expected == exitCode, $"Expected exit code {expected}, got {exitCode}. Output:\n{agent.Output}");
            Assert.True((expected == 0 ? 0 : 1) == NonEmptyLines(agent.Stderr), "Standard error:\n" + agent.Stderr);
        }
        else
        {
            // Nothing final was said: the agent keeps retrying (three requests prove a retry round), until stopped.
            await rendezvous.WaitForRequestsAsync(3);
            Assert.False(agent.HasExited, agent.Output);
            await agent.TerminateAsync();
            var exitCode = await agent.WaitForExitAsync();
            Assert.True(exitCode == 0, $"Exit code {exitCode} after SIGTERM. Output:\n{agent.Output}");
            Assert.True(NonEmptyLines(agent.Stderr) == 0, "Standard error:\n" + agent.Stderr);
        }

        Assert.Equal(server.Applies, File.Exists(marker));
        Assert.Equal(0, bystander.Connections);
        Assert.DoesNotContain(bootSecret.Reveal(), agent.Output, StringComparison.Ordinal);
        if (TrustKey(agent.StateDirectory) is { } trustKey)
        {
            Assert.DoesNotContain(trustKey, agent.Output, StringComparison.Ordinal);
        }

        if (server.ReportsFailure)
        {
            Assert.Contains(rendezvous.Requests, r => r.IsReport && r.BodyText.Contains("\"failed\"", StringComparison.Ordinal));
        }

        if (server.WrongCertificate)
        {
            // Refused in the handshake: no request (so no credential) ever went over it. (A handshake slower than the
            // short test timeout is retried, so the connections are not counted here.)
            Assert.True(rendezvous.Connections >= 1);
            Assert.Empty(rendezvous.Requests);
        }
    }

    internal static int NonEmptyLines(string text) => text.Split('\n').Count(line => line.Trim().Length > 0);

    internal static string? TrustKey(string stateDirectory)
    {
        var path = Path.Combine(stateDirectory, "state.json");
        if (!File.Exists(path))
        {
            return null;
        }

        using var state = JsonDocument.Parse(File.ReadAllText(path));
        return state.RootElement.GetProperty("trustKey").GetString();
    }
}
