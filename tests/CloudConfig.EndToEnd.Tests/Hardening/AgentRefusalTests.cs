using System.Net;
using CloudConfig.Core;
using static CloudConfig.EndToEnd.Tests.RawAnswers;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// Every refusal ends the real agent cleanly, with its documented exit code and one line on standard error; what
/// could never work is not retried; what no valid server sends is not applied.
/// </summary>
public sealed class AgentRefusalTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("cloudconfig-e2e-refusal-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string Marker => Path.Combine(_work, "applied");

    private string CountingScript => $"cat > /dev/null; echo \"$CLOUDCONFIG_GENERATION\" >> '{Marker}'";

    [Fact]
    public async Task Agent_WrongBootSecret_ExitsWith4OnOneLineWithoutAStackTrace()
    {
        await using var server = await EndToEndServer.StartAsync();
        await using var app = new AppSide(server);
        var (uuid, _) = await app.PreRegisterAsync("role=web\n");
        var wrong = Secret.Generate();
        await using var agent = AgentProcess.Start(new AgentLaunch { BootString = BootString.Create(uuid, server.Address, wrong).Format() });

        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(4, exitCode);
        Assert.Equal(1, MisbehavingServerTests.NonEmptyLines(agent.Stderr));
        Assert.Contains("refused fetch", agent.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(wrong.Reveal(), agent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_UnreadableStateFile_ExitsWith1OnOneLineWithoutAStackTrace()
    {
        var state = Directory.CreateDirectory(Path.Combine(_work, "state")).FullName;
        await File.WriteAllTextAsync(Path.Combine(state, "state.json"), "{ this is not json");
        await using var server = RawHttpServer.Start(CloseAtOnce);
        await using var agent = AgentProcess.Start(new AgentLaunch
        {
            BootString = BootString.Create(Guid.NewGuid(), server.Address, Secret.Generate()).Format(),
            StateDirectory = state,
        });

        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(1, exitCode);
        Assert.Equal(1, MisbehavingServerTests.NonEmptyLines(agent.Stderr));
        Assert.Contains("state.json is not valid", agent.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", agent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_SecretLongerThanTheServerReads_ExitsWith6WithoutConnecting()
    {
        await using var server = await EndToEndServer.StartAsync();
        await using var app = new AppSide(server);
        var uuid = Guid.NewGuid();
        var longSecret = Secret.FromString(string.Concat(Enumerable.Repeat(Secret.Generate().Reveal(), 24)));
        await app.Registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("role=web\n"), longSecret));
        var connectionsBefore = server.Connections;
        await using var agent = AgentProcess.Start(new AgentLaunch { BootString = BootString.Create(uuid, server.Address, longSecret).Format() });

        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(6, exitCode);
        Assert.Contains("over the server's limit of 1024", agent.Stderr, StringComparison.Ordinal);
        Assert.Equal(connectionsBefore, server.Connections);
        Assert.False((await app.Registry.GetAsync(uuid))!.IsClaimed);
        Assert.DoesNotContain(longSecret.Reveal(), agent.Output, StringComparison.Ordinal);

        // The limit is the server's: the same credential sent anyway is refused as malformed, whatever the retries.
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/instances/{uuid:D}/configuration");
        request.Headers.TryAddWithoutValidation("Authorization", $"CloudConfig-Boot {longSecret.Reveal()} {Secret.Generate().Reveal()}");
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("token with a newline")]
    [InlineData("token that is not ASCII")]
    [InlineData("token over 1 KiB")]
    [InlineData("user data that is not UTF-8")]
    [InlineData("user data over 64 KiB")]
    public async Task Agent_MetadataServiceAnsweringGarbage_IsSkippedForTheNextSource(string garbage)
    {
        await using var server = await EndToEndServer.StartAsync();
        await using var app = new AppSide(server);
        var (uuid, bootSecret) = await app.PreRegisterAsync("role=web\n");
        await using var metadata = RawHttpServer.Start(MetadataAnswering(garbage));
        var kernelCommandLine = Path.Combine(_work, "cmdline");
        await File.WriteAllTextAsync(kernelCommandLine, $"quiet cloudconfig.boot={BootString.Create(uuid, server.Address, bootSecret).Format()}\n");
        await using var agent = AgentProcess.Start(new AgentLaunch
        {
            Script = CountingScript,
            ExtraArguments = ["--metadata-url", $"http://127.0.0.1:{metadata.Port}", "--cmdline-file", kernelCommandLine, "--once"],
        });

        var exitCode = await agent.WaitForExitAsync();

        Assert.True(exitCode == 0, agent.Output);
        Assert.Contains("answered something unusable", agent.Stdout, StringComparison.Ordinal);
        Assert.Contains("in kernel command line", agent.Stdout, StringComparison.Ordinal);
        Assert.Equal(["1"], await File.ReadAllLinesAsync(Marker));
    }

    [Fact]
    public async Task Agent_ResumedAndTheServerGoesBackAGeneration_RefusesAppliesNothingAndReportsFailed()
    {
        var uuid = Guid.NewGuid();
        var generation = 2;
        await using var server = RawHttpServer.Start(Fetch((request, connection, cancellationToken) => Json(200, Configuration(uuid, generation))(request, connection, cancellationToken)));
        var launch = new AgentLaunch { BootString = BootString.Create(uuid, server.Address, Secret.Generate()).Format(), Script = CountingScript, ExtraArguments = ["--once"] };
        await using var first = AgentProcess.Start(launch);
        Assert.Equal(0, await first.WaitForExitAsync());

        generation = 1;
        await using var restarted = AgentProcess.Start(launch with { StateDirectory = first.StateDirectory });
        var exitCode = await restarted.WaitForExitAsync();

        Assert.Equal(8, exitCode);
        Assert.Contains("generation 1, older than generation 2", restarted.Stderr, StringComparison.Ordinal);
        Assert.Equal(["2"], await File.ReadAllLinesAsync(Marker));
        Assert.Contains(server.Requests, r => r.IsReport && r.BodyText.Contains("\"failed\"", StringComparison.Ordinal) && r.BodyText.Contains("older than generation 2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Agent_UpdateThatIsNotNewer_IsRefusedInsteadOfAppliedAgain()
    {
        var uuid = Guid.NewGuid();
        await using var server = RawHttpServer.Start(AcceptingReports(Json(200, Configuration(uuid, 2))));
        await using var agent = AgentProcess.Start(new AgentLaunch { BootString = BootString.Create(uuid, server.Address, Secret.Generate()).Format(), Script = CountingScript });

        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(8, exitCode);
        Assert.Contains(server.Requests, r => r.Path.Contains("/updates?after=2", StringComparison.Ordinal));
        Assert.Equal(["2"], await File.ReadAllLinesAsync(Marker));
    }

    private static Responder MetadataAnswering(string garbage)
    {
        var (token, userData) = garbage switch
        {
            "token with a newline" => ("abc\ndef", "x"u8.ToArray()),
            "token that is not ASCII" => ("t\u00f6ken", "x"u8.ToArray()),
            "token over 1 KiB" => (new string('t', 2000), "x"u8.ToArray()),
            "user data that is not UTF-8" => ("token", new byte[] { 0xff, 0xfe, 0xc3, 0x28 }),
            _ => ("token", new byte[100 * 1024]),
        };
        return (request, connection, cancellationToken) => request.Method == "PUT"
            ? Status(200, "text/plain", token)(request, connection, cancellationToken)
            : Bytes([.. System.Text.Encoding.ASCII.GetBytes(Head(200, "application/octet-stream", userData.Length)), .. userData])(request, connection, cancellationToken);
    }
}
