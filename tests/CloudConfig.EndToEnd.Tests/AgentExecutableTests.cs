using CloudConfig.Core;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// The agent executable (not the library) as a real process, the way an instance runs it: the boot string on the
/// command line, a /bin/sh script applying, the report read back by the app, SIGTERM to stop.
/// Set CLOUDCONFIG_AGENT_BINARY to the published NativeAOT file to run these against it.
/// </summary>
public sealed class AgentExecutableTests
{
    [Fact]
    public async Task AgentExecutable_BootStringOnCommandLine_ConfiguresFollowsAnUpdateAndExitsCleanlyOnSigterm()
    {
        await using var server = await EndToEndServer.StartAsync();
        await using var app = new AppSide(server);
        var (uuid, bootSecret) = await app.PreRegisterAsync("role=web\nport=8080\n");
        var bootString = BootString.Create(uuid, server.Address, bootSecret).Format();
        await using var agent = AgentProcess.Start(bootString, allowInsecure: true, AgentSide.Script);

        var configured = await app.WaitForReportAsync(uuid, generation: 1);
        await app.Registry.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("role=web\nport=9090\n"));
        var reconfigured = await app.WaitForReportAsync(uuid, generation: 2);
        Assert.False(agent.HasExited);
        await agent.TerminateAsync();
        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(0, exitCode);
        Assert.Equal(ParameterValue.FromInteger(8080), configured.Parameters["port"]);
        Assert.Equal(AgentSide.ReportedAddress, configured.Address);
        Assert.Equal(ParameterValue.FromInteger(9090), reconfigured.Parameters["port"]);
        Assert.Equal(ParameterValue.FromInteger(2), reconfigured.Parameters["applied_generation"]);
        Assert.Contains("Configured", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(bootSecret.Reveal(), agent.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgentExecutable_WrongFingerprintInBootString_ExitsWith5AfterOneConnection()
    {
        using var certificate = SelfSignedCertificate.Create();
        using var impostor = SelfSignedCertificate.Create("CN=someone-else.e2e.test");
        await using var server = await EndToEndServer.StartAsync(certificate);
        await using var app = new AppSide(server, CertificateFingerprint.Of(certificate));
        var (uuid, bootSecret) = await app.PreRegisterAsync("role=web\n");
        var bootString = BootString.Create(uuid, server.Address, bootSecret, CertificateFingerprint.Of(impostor)).Format();
        var connectionsBefore = server.Connections;
        await using var agent = AgentProcess.Start(bootString, allowInsecure: false, AgentSide.Script);

        var exitCode = await agent.WaitForExitAsync();

        Assert.Equal(5, exitCode);
        Assert.Equal(1, server.Connections - connectionsBefore);
        Assert.Contains("not the certificate pinned by the boot string", agent.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(bootSecret.Reveal(), agent.Output, StringComparison.Ordinal);
        Assert.False((await app.Registry.GetAsync(uuid))!.IsClaimed);
    }
}
