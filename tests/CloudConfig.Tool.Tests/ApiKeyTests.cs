using System.Net;
using System.Net.Sockets;

namespace CloudConfig.Tool.Tests;

public sealed class ApiKeyTests
{
    [Fact]
    public async Task TheApiKey_NeverAppearsInAnyOutputOrError()
    {
        await using var server = await ToolTestServer.StartAsync();
        using var files = new TempFiles();
        var (uuid, _) = await server.RegisterAsync();
        var keyFile = files.Write("api-key", ToolTestServer.ApiKey + "\n");
        var config = files.Write("c.sh", "echo");
        var fromFile = new Dictionary<string, string> { ["CLOUDCONFIG_SERVER"] = server.BaseAddress.AbsoluteUri };
        var closedPort = FreePort();
        var unreachable = new Dictionary<string, string>(server.Environment) { ["CLOUDCONFIG_SERVER"] = $"http://127.0.0.1:{closedPort}/" };

        var runs = new List<ToolRun>
        {
            await ToolRun.RunAsync(server.Environment, "--verbose", "entries", "list"),
            await ToolRun.RunAsync(server.Environment, terminal: true, "-v", "entries", "show", uuid.ToString()),
            await ToolRun.RunAsync(server.Environment, "entries", "show", Guid.NewGuid().ToString(), "-v"),
            await ToolRun.RunAsync(fromFile, "--api-key-file", keyFile, "-v", "entries", "list", "--json"),
            await ToolRun.RunAsync(server.Environment, "-v", "register", config, "--rendezvous-address", server.RendezvousAddress),
            await ToolRun.RunAsync(server.Environment, "-v", "update", uuid.ToString(), config),
            await ToolRun.RunAsync(server.Environment, "-v", "remove-stale", "--older-than", "1d"),
            await ToolRun.RunAsync(server.Environment, "--help"),
            await ToolRun.RunAsync(server.Environment, "entries", "watch", "--help"),
            await ToolRun.RunAsync(server.Environment, "entries", "list", "--no-such-option"),
            await ToolRun.RunAsync(server.Environment, "entries", "list", ToolTestServer.ApiKey),
            await ToolRun.RunAsync(null, "--api-key", ToolTestServer.ApiKey, "entries", "list"),
            await ToolRun.RunAsync(null, "entries", "list", $"--api-key={ToolTestServer.ApiKey}"),
            await ToolRun.RunAsync(unreachable, "-v", "entries", "list"),
        };

        Assert.All(runs, run => Assert.DoesNotContain(ToolTestServer.ApiKey, run.All, StringComparison.Ordinal));
        Assert.Contains("API key from CLOUDCONFIG_API_KEY", runs[0].Error, StringComparison.Ordinal);
        Assert.All(runs.Skip(9).Take(4), run => Assert.Equal(ExitCodes.Usage, run.ExitCode));
        Assert.StartsWith("cloudconfig: there is no --api-key option", runs[11].Error, StringComparison.Ordinal);
        Assert.Contains($"API key from the file {keyFile}", runs[3].Error, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Success, runs[3].ExitCode);
        Assert.Equal(ExitCodes.Unavailable, runs[^1].ExitCode);
        Assert.Contains($"could not be reached (http://127.0.0.1:{closedPort}/)", runs[^1].Error, StringComparison.Ordinal);
        Assert.Contains("retry", runs[^1].Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AWrongApiKey_ExitsWith4AndNamesOnlyWhereTheKeyCameFrom()
    {
        await using var server = await ToolTestServer.StartAsync();
        const string wrong = "wrong-api-key-0123456789abcdef";
        var environment = new Dictionary<string, string>(server.Environment) { ["CLOUDCONFIG_API_KEY"] = wrong };

        var run = await ToolRun.RunAsync(environment, "entries", "list");

        Assert.Equal(ExitCodes.Unauthorized, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal($"cloudconfig: the server {server.BaseAddress} refused the API key (from CLOUDCONFIG_API_KEY).", run.Error.TrimEnd());
        Assert.DoesNotContain(wrong, run.All, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("two words key-0123456789")]
    [InlineData("line-one-0123456789\nline-two-0123456789")]
    [InlineData("   ")]
    public async Task AnApiKeyAHeaderCannotCarry_IsAUsageErrorThatDoesNotQuoteIt(string key)
    {
        await using var server = await ToolTestServer.StartAsync();
        using var files = new TempFiles();
        var keyFile = files.Write("key", key);
        var environment = new Dictionary<string, string> { ["CLOUDCONFIG_SERVER"] = server.BaseAddress.AbsoluteUri };

        var fromFile = await ToolRun.RunAsync(environment, "entries", "list", "--api-key-file", keyFile);
        var fromVariable = await ToolRun.RunAsync(new Dictionary<string, string>(environment) { ["CLOUDCONFIG_API_KEY"] = key }, "entries", "list");

        foreach (var run in new[] { fromFile, fromVariable })
        {
            Assert.Equal(ExitCodes.Usage, run.ExitCode);
            Assert.Contains("the API key from ", run.Error, StringComparison.Ordinal);
            foreach (var part in key.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            {
                Assert.DoesNotContain(part, run.All, StringComparison.Ordinal);
            }
        }
    }

    // A port nothing listens on: taken from the system, then released.
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
