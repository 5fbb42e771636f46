using CloudConfig.Agent;
using CloudConfig.Core;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// Issue 4 end to end, all real and on loopback: the app pre-registers through <c>RendezvousConfigCache</c> with its
/// API key, the agent library fetches with the boot string over HTTP(S), a /bin/sh script applies, the agent reports,
/// the app reads the report back, updates the configuration, and the running agent applies generation 2.
/// </summary>
public sealed class AgentRendezvousEndToEndTests
{
    [Fact]
    public async Task Agent_OverPlainHttpWithInsecureAllowed_ConfiguresReportsAndAppliesAnUpdate()
    {
        await using var server = await EndToEndServer.StartAsync();
        await using var app = new AppSide(server);
        var (uuid, bootSecret) = await app.PreRegisterAsync("role=web\nport=8080\n");
        var bootString = BootString.Create(uuid, server.Address, bootSecret);
        await using var agent = new AgentSide(bootString.Format(), allowInsecureTransport: true);

        agent.Start();

        await AssertConfiguresAndFollowsUpdateAsync(app, uuid, "web", 8080);
        Assert.DoesNotContain(bootSecret.Reveal(), agent.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Agent_OverHttpsPinnedByBootStringFingerprint_ConfiguresReportsAndAppliesAnUpdate()
    {
        using var certificate = SelfSignedCertificate.Create();
        var fingerprint = CertificateFingerprint.Of(certificate);
        await using var server = await EndToEndServer.StartAsync(certificate);
        await using var app = new AppSide(server, fingerprint);
        var (uuid, bootSecret) = await app.PreRegisterAsync("role=db\nport=5432\n");
        var bootString = BootString.Create(uuid, server.Address, bootSecret, fingerprint).Format();
        Assert.StartsWith("v1:", bootString, StringComparison.Ordinal);
        Assert.EndsWith(";fp=" + fingerprint, bootString, StringComparison.Ordinal);
        // Insecure transport is NOT allowed: the self-signed certificate is accepted only because it is pinned.
        await using var agent = new AgentSide(bootString);

        agent.Start();

        await AssertConfiguresAndFollowsUpdateAsync(app, uuid, "db", 5432);
        Assert.Equal("https", server.BaseAddress.Scheme);
    }

    [Fact]
    public async Task Agent_BootStringWithWrongFingerprint_StopsWithTrustErrorWithoutRetrying()
    {
        using var certificate = SelfSignedCertificate.Create();
        using var impostor = SelfSignedCertificate.Create("CN=someone-else.e2e.test");
        await using var server = await EndToEndServer.StartAsync(certificate);
        await using var app = new AppSide(server, CertificateFingerprint.Of(certificate));
        var (uuid, bootSecret) = await app.PreRegisterAsync("role=web\n");
        var bootString = BootString.Create(uuid, server.Address, bootSecret, CertificateFingerprint.Of(impostor));
        await using var agent = new AgentSide(bootString.Format());
        var connectionsBefore = server.Connections;

        agent.Start();

        var error = await Assert.ThrowsAsync<ConfigAgentTrustException>(() => agent.Running!.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal("fetch", error.Operation);
        Assert.Equal(CertificateFingerprint.Of(impostor), error.Endpoint.Fingerprint);
        // One connection, one refused handshake: no retry by the client (event 5001), none by the agent (events 11, 12).
        Assert.Equal(1, server.Connections - connectionsBefore);
        Assert.Equal(0, agent.Logs.Count("RendezvousInstanceClient", 5001));
        Assert.Equal(0, agent.Logs.Count("ConfigAgent", 11));
        Assert.Equal(0, agent.Logs.Count("ConfigAgent", 12));
        Assert.Equal(1, agent.Logs.Count("ConfigAgent", 14));
        // The boot secret never reached the server: the entry is still unclaimed, ready for a correctly pinned agent.
        var entry = await app.Registry.GetAsync(uuid);
        Assert.NotNull(entry);
        Assert.False(entry.IsClaimed);
        Assert.Equal(InstanceState.Registered, entry.Status.State);
        Assert.DoesNotContain(bootSecret.Reveal(), error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(bootSecret.Reveal(), agent.Logs.AllText, StringComparison.Ordinal);
    }

    private static async Task AssertConfiguresAndFollowsUpdateAsync(AppSide app, Guid uuid, string role, long port)
    {
        var configured = await app.WaitForReportAsync(uuid, generation: 1);
        Assert.Equal(AgentSide.ReportedAddress, configured.Address);
        Assert.Equal(0, configured.Status.ExitCode);
        Assert.Contains($"applied generation 1 of {uuid:D}", configured.Status.Detail, StringComparison.Ordinal);
        Assert.True(configured.IsClaimed);
        Assert.Equal(ParameterValue.FromString(role), configured.Parameters["role"]);
        Assert.Equal(ParameterValue.FromInteger(port), configured.Parameters["port"]);
        Assert.Equal(ParameterValue.FromInteger(1), configured.Parameters["applied_generation"]);

        var updated = await app.Registry.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText($"role={role}\nport=9090\nfeature=true\n"));
        Assert.Equal(2, updated.Generation);

        var reconfigured = await app.WaitForReportAsync(uuid, generation: 2);
        Assert.Equal(ParameterValue.FromInteger(9090), reconfigured.Parameters["port"]);
        Assert.Equal(ParameterValue.FromBoolean(true), reconfigured.Parameters["feature"]);
        Assert.Equal(ParameterValue.FromInteger(2), reconfigured.Parameters["applied_generation"]);
        Assert.Equal(ParameterValue.FromString(role), reconfigured.Parameters["role"]);
        Assert.Equal(AgentSide.ReportedAddress, reconfigured.Address);
    }
}
