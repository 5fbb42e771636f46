namespace CloudConfig.Tool.Tests;

public sealed class UsageTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("entries --help")]
    [InlineData("entries list --help")]
    [InlineData("entries watch --help")]
    [InlineData("entries show --help")]
    [InlineData("register --help")]
    [InlineData("update -h")]
    [InlineData("remove --help")]
    [InlineData("remove-stale --help")]
    public async Task Help_ExitsZeroEverywhere_WithoutAServerOrKey(string args)
    {
        var run = await ToolRun.RunAsync(null, args.Split(' '));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Help_NamesTheEnvironmentVariables_ButNeverTheirValues()
    {
        var environment = new Dictionary<string, string>
        {
            ["CLOUDCONFIG_SERVER"] = "http://secret-host.internal:1234/",
            ["CLOUDCONFIG_API_KEY"] = "env-api-key-0123456789abcdef",
        };

        var run = await ToolRun.RunAsync(environment, "entries", "list", "--help");

        Assert.Contains("CLOUDCONFIG_SERVER", run.Out, StringComparison.Ordinal);
        Assert.Contains("CLOUDCONFIG_API_KEY", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-host", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("env-api-key", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("entries")]
    [InlineData("entries list --bogus")]
    [InlineData("entries show not-a-uuid")]
    [InlineData("entries show")]
    [InlineData("entries list --state sleeping")]
    [InlineData("entries watch --interval 10ms")]
    [InlineData("entries watch --interval forever")]
    [InlineData("update 0f8fad5b-d9cb-469f-a165-70867728950e")]
    [InlineData("frobnicate")]
    public async Task UsageErrors_ExitWith2AndPointAtHelp(string args)
    {
        var run = await ToolRun.RunAsync(null, args.Split(' ', StringSplitOptions.RemoveEmptyEntries));

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.StartsWith("cloudconfig: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("--help' for usage.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "k-0123456789abcdef0123", "no server: pass --server URL or set CLOUDCONFIG_SERVER.")]
    [InlineData("ftp://host/", "k-0123456789abcdef0123", "the server must be an absolute http or https URL")]
    [InlineData("http://user:pw@host/", "k-0123456789abcdef0123", "the server URL must not carry credentials")]
    [InlineData("http://127.0.0.1:9/", null, "no API key: pass --api-key-file FILE or set CLOUDCONFIG_API_KEY")]
    public async Task MissingOrBadSettings_ExitWith2AndSayWhatToSet(string? server, string? key, string expected)
    {
        var environment = new Dictionary<string, string>();
        if (server is not null)
        {
            environment["CLOUDCONFIG_SERVER"] = server;
        }

        if (key is not null)
        {
            environment["CLOUDCONFIG_API_KEY"] = key;
        }

        var run = await ToolRun.RunAsync(environment, "entries", "list");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith("cloudconfig: " + expected, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("pw@", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task OptionsWinOverTheEnvironment()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (uuid, _) = await server.RegisterAsync();
        var environment = new Dictionary<string, string>(server.Environment) { ["CLOUDCONFIG_SERVER"] = "http://127.0.0.1:9/" };

        var run = await ToolRun.RunAsync(environment, "--server", server.BaseAddress.AbsoluteUri, "entries", "show", uuid.ToString(), "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains(uuid.ToString(), run.Out, StringComparison.Ordinal);
    }
}
