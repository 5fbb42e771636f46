using CloudConfig.Core;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// The configuration command cannot read the agent's credentials: not in its own environment, and not in the
/// agent's (<c>/proc/$PPID/environ</c>) or the agent's command line (<c>/proc/$PPID/cmdline</c>).
/// </summary>
public sealed class AgentSecretIsolationTests : IDisposable
{
    private const string VisibleMarker = "CLOUDCONFIG_TEST_VISIBLE=agent-environment-was-read";
    private const string PoolCredential = "pool-credential-that-must-stay-hidden-0123456789";

    private readonly string _work = Directory.CreateTempSubdirectory("cloudconfig-e2e-secrets-").FullName;

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>Copies what a curious command could read about its parent, and its own environment.</summary>
    private string Script => $"""
        cat > /dev/null
        tr '\000' '\n' < /proc/$PPID/environ > '{_work}/parent.environ'
        tr '\000' ' ' < /proc/$PPID/cmdline > '{_work}/parent.cmdline'
        env > '{_work}/own.environ'
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Command_ReadingItsParentsEnvironmentAndCommandLine_FindsNoCredential(bool bootStringInEnvironment)
    {
        await using var server = await EndToEndServer.StartAsync();
        await using var app = new AppSide(server);
        var (uuid, bootSecret) = await app.PreRegisterAsync("role=web\n");
        var bootString = BootString.Create(uuid, server.Address, bootSecret).Format();
        var environment = new Dictionary<string, string>
        {
            ["CLOUDCONFIG_TEST_VISIBLE"] = "agent-environment-was-read",
            ["CLOUDCONFIG_POOL_CREDENTIAL"] = PoolCredential,
        };
        if (bootStringInEnvironment)
        {
            environment["CLOUDCONFIG_BOOT"] = bootString;
        }

        await using var agent = AgentProcess.Start(new AgentLaunch
        {
            BootString = bootStringInEnvironment ? null : bootString,
            Environment = environment,
            Script = Script,
            ExtraArguments = ["--once"],
        });
        var exitCode = await agent.WaitForExitAsync();

        Assert.True(exitCode == 0, agent.Output);
        var parentEnvironment = await File.ReadAllTextAsync(Path.Combine(_work, "parent.environ"));
        var parentCommandLine = await File.ReadAllTextAsync(Path.Combine(_work, "parent.cmdline"));
        var ownEnvironment = await File.ReadAllTextAsync(Path.Combine(_work, "own.environ"));
        // The command did read its parent, the agent: the files are not empty by accident.
        Assert.Contains(VisibleMarker, parentEnvironment, StringComparison.Ordinal);
        Assert.Contains("--state-dir", parentCommandLine, StringComparison.Ordinal);
        Assert.Contains("CLOUDCONFIG_UUID=" + uuid.ToString("D"), ownEnvironment, StringComparison.Ordinal);
        foreach (var text in new[] { parentEnvironment, parentCommandLine, ownEnvironment })
        {
            Assert.DoesNotContain(bootSecret.Reveal(), text, StringComparison.Ordinal);
            Assert.DoesNotContain(PoolCredential, text, StringComparison.Ordinal);
            Assert.DoesNotContain("CLOUDCONFIG_BOOT=", text, StringComparison.Ordinal);
        }

        // Only what it needs: the agent's other variables stay with the agent.
        Assert.DoesNotContain(VisibleMarker, ownEnvironment, StringComparison.Ordinal);
        Assert.DoesNotContain(bootSecret.Reveal(), agent.Output, StringComparison.Ordinal);
    }
}
