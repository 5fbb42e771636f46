using CloudConfig.Core;
using CloudConfig.Deltacloud.Tests.Support;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>The launcher against recorded mock-driver answers.</summary>
public sealed class LauncherTests : IDisposable
{
    private const string BootString = "6f1c0e7a-1111-4a6e-9c1e-123456789abc:10.0.0.5:c2VjcmV0LXNlY3JldC1zZWNyZXQ";
    private readonly ReplayServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task LaunchAsync_MockDriverWithoutUserDataFeature_WarnsAndSendsBootStringWithoutLoggingIt()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(RecordedExchange.Get("064"));
        var clientLog = new ListLogger<IDeltacloudClient>();
        var launcherLog = new ListLogger<DeltacloudInstanceLauncher>();
        using var client = _server.CreateClient(logger: clientLog);
        var launcher = new DeltacloudInstanceLauncher(client, logger: launcherLog);

        var launched = await launcher.LaunchAsync(new InstanceLaunchRequest("img1") { Name = "rec-xml-1", HardwareProfileId = "m1-small", RealmId = "eu", KeyName = "test-key", UserData = BootString });

        Assert.Equal(("inst4", "RUNNING", "rec-xml-1"), (launched.InstanceId, launched.State, launched.Name));
        Assert.Equal(["img1.inst4.public.com"], launched.PublicAddresses);
        Assert.Equal(["img1.inst4.private.com"], launched.PrivateAddresses);
        Assert.Contains(launcherLog.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("user_data", StringComparison.Ordinal));
        Assert.All(launcherLog.Entries.Concat(clientLog.Entries), e => Assert.DoesNotContain("c2VjcmV0", e.Message, StringComparison.Ordinal));
        var body = Assert.Single(_server.Server.LogEntries, e => e.RequestMessage.Method == "POST").RequestMessage.Body!;
        var userData = body.Split('&').Single(p => p.StartsWith("user_data=", StringComparison.Ordinal))["user_data=".Length..];
        Assert.Equal(BootString, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(Uri.UnescapeDataString(userData))));
    }

    [Fact]
    public async Task LaunchAsync_StrictModeWithoutUserDataFeature_FailsBeforeCreate()
    {
        _server.StubEntryPoint(DeltacloudFormat.Json);
        using var client = _server.CreateClient(DeltacloudFormat.Json);
        var launcher = new DeltacloudInstanceLauncher(client, new DeltacloudLauncherOptions { RequireUserDataFeature = true });

        var error = await Assert.ThrowsAsync<DeltacloudFeatureNotSupportedException>(() => launcher.LaunchAsync(new InstanceLaunchRequest("img1") { UserData = BootString }));

        Assert.DoesNotContain(BootString, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.CountRequests("POST", "/api/instances"));
    }

    [Fact]
    public async Task LaunchAsync_ProfileOverrides_BecomeHwpParameters()
    {
        _server.StubEntryPoint(DeltacloudFormat.Json);
        _server.Stub(RecordedExchange.Get("075"));
        using var client = _server.CreateClient(DeltacloudFormat.Json);
        var launcher = new DeltacloudInstanceLauncher(client);

        await launcher.LaunchAsync(new InstanceLaunchRequest("img3")
        {
            HardwareProfileId = "m1-large",
            HardwareProfileOverrides = new Dictionary<string, string> { ["memory"] = "8192", ["cpu"] = "2", ["storage"] = "1024" },
            Name = "rec-json-1",
        });

        Assert.Equal("image_id=img3&hwp_id=m1-large&hwp_memory=8192&hwp_cpu=2&hwp_storage=1024&name=rec-json-1",
            Assert.Single(_server.Server.LogEntries, e => e.RequestMessage.Method == "POST").RequestMessage.Body);
    }

    [Fact]
    public async Task LaunchAsync_UnknownOverride_IsRejectedBeforeAnyRequest()
    {
        using var client = _server.CreateClient();
        var launcher = new DeltacloudInstanceLauncher(client);

        await Assert.ThrowsAsync<ArgumentException>(() => launcher.LaunchAsync(new InstanceLaunchRequest("img1") { HardwareProfileOverrides = new Dictionary<string, string> { ["gpu"] = "1" } }));

        Assert.Empty(_server.Server.LogEntries);
    }

    [Fact]
    public async Task TerminateAsync_RunningInstance_StopsThenDestroysByFollowingLinks()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(RecordedExchange.Get("065"));
        _server.Stub(RecordedExchange.Get("072"));
        _server.Stub(RecordedExchange.Get("073"));
        using var client = _server.CreateClient();
        var launcher = new DeltacloudInstanceLauncher(client);

        await launcher.TerminateAsync("inst4");

        Assert.Equal(1, _server.CountRequests("POST", "/api/instances/inst4/stop"));
        Assert.Equal(1, _server.CountRequests("DELETE", "/api/instances/inst4"));
    }

    [Fact]
    public async Task TerminateAsync_UnknownInstance_DoesNothing()
    {
        _server.StubEntryPoint(DeltacloudFormat.Json);
        _server.Stub(RecordedExchange.Get("084"));
        using var client = _server.CreateClient(DeltacloudFormat.Json);

        await new DeltacloudInstanceLauncher(client).TerminateAsync("inst4");

        Assert.Equal(0, _server.CountRequests("DELETE", "/api/instances/inst4"));
    }

    [Fact]
    public async Task GetAsync_UnknownInstance_ReturnsNull()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(RecordedExchange.Get("060"));
        using var client = _server.CreateClient();

        Assert.Null(await new DeltacloudInstanceLauncher(client).GetAsync("no-such-instance"));
    }
}
