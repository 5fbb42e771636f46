using CloudConfig.Deltacloud.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>
/// An instance action that times out or gets a 5xx is not repeated blindly: the instance is read first, against a
/// real loopback listener, and the requests the client actually sent are counted below the HTTP stack.
/// </summary>
public sealed class InstanceActionReconcileTests : IDisposable
{
    private const string Instance = "/api/instances/inst4";

    private readonly ReplayServer _server = new();
    private readonly CountingHandler _sent = new();

    public InstanceActionReconcileTests() => _server.StubEntryPoint(DeltacloudFormat.Xml);

    public void Dispose()
    {
        _server.Dispose();
        _sent.Dispose();
    }

    [Fact]
    public async Task RebootAsync_AnswerTimesOut_ReadsTheInstanceAndSendsExactlyOneReboot()
    {
        _server.StubAnswerOnlyWhenDisposed("POST", Instance + "/reboot");
        _server.Stub(RecordedExchange.Get("065"));
        using var client = CreateClient();

        var instance = await client.Instances.RebootAsync("inst4");

        Assert.Equal(DeltacloudInstanceState.Running, instance.State);
        Assert.Equal(1, _sent.CountOf("POST", Instance + "/reboot"));
        Assert.Equal(1, _sent.CountOf("GET", Instance));
    }

    [Fact]
    public async Task RebootAsync_FollowingItsLinkAnswerTimesOut_SendsExactlyOneReboot()
    {
        _server.StubAnswerOnlyWhenDisposed("POST", Instance + "/reboot");
        _server.Stub(RecordedExchange.Get("065"));
        using var client = CreateClient();
        var running = await client.Instances.GetAsync("inst4");

        var instance = await client.Instances.RebootAsync(running);

        Assert.Equal(DeltacloudInstanceState.Running, instance.State);
        Assert.Equal(1, _sent.CountOf("POST", Instance + "/reboot"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task RebootAsync_ServerError_IsReportedAfterExactlyOneReboot(int status)
    {
        _server.Server.Given(Request.Create().WithPath(Instance + "/reboot").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status));
        _server.Stub(RecordedExchange.Get("065"));
        // Nothing here is meant to time out: a short timeout would turn a slow answer on a busy machine into a
        // timeout, which has no status code.
        using var client = CreateClient(TimeSpan.FromSeconds(30));

        var error = await Assert.ThrowsAnyAsync<DeltacloudException>(() => client.Instances.RebootAsync("inst4"));

        Assert.Equal(status, error.StatusCode);
        Assert.Equal(1, _sent.CountOf("POST", Instance + "/reboot"));
        Assert.Equal(1, _sent.CountOf("GET", Instance));
    }

    [Fact]
    public async Task StopAsync_AnswerTimesOutAndInstanceIsStopped_ReturnsItWithoutResending()
    {
        _server.StubAnswerOnlyWhenDisposed("POST", Instance + "/stop");
        _server.StubXml("GET", Instance, RecordedExchange.Get("067").ResponseBody!);
        using var client = CreateClient();

        var instance = await client.Instances.StopAsync("inst4");

        Assert.Equal(DeltacloudInstanceState.Stopped, instance.State);
        Assert.Equal(1, _sent.CountOf("POST", Instance + "/stop"));
    }

    [Fact]
    public async Task StopAsync_ProviderErrorAndInstanceStillRunning_ResendsOnlyAfterTheRead()
    {
        _server.Server.Given(Request.Create().WithPath(Instance + "/stop").UsingPost()).InScenario("stop").WillSetStateTo("failed-once")
            .RespondWith(Response.Create().WithStatusCode(502));
        _server.Server.Given(Request.Create().WithPath(Instance + "/stop").UsingPost()).InScenario("stop").WhenStateIs("failed-once")
            .RespondWith(Response.Create().WithStatusCode(202).WithHeader("Content-Type", "application/xml").WithBody(_server.Rewrite(RecordedExchange.Get("067").ResponseBody)));
        _server.Stub(RecordedExchange.Get("065"));
        using var client = CreateClient(TimeSpan.FromSeconds(30));

        var instance = await client.Instances.StopAsync("inst4");

        Assert.Equal(DeltacloudInstanceState.Stopped, instance.State);
        Assert.Equal(2, _sent.CountOf("POST", Instance + "/stop"));
        Assert.Equal(1, _sent.CountOf("GET", Instance));
    }

    [Fact]
    public async Task StopAsync_ProviderErrorEveryTime_GivesUpAfterTheConfiguredRetries()
    {
        _server.Server.Given(Request.Create().WithPath(Instance + "/stop").UsingPost()).RespondWith(Response.Create().WithStatusCode(502));
        _server.Stub(RecordedExchange.Get("065"));
        using var client = CreateClient(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAsync<DeltacloudProviderException>(() => client.Instances.StopAsync("inst4"));

        // The first attempt and MaxRetryAttempts (2) resends, each after a read.
        Assert.Equal(3, _sent.CountOf("POST", Instance + "/stop"));
        Assert.Equal(3, _sent.CountOf("GET", Instance));
    }

    [Fact]
    public async Task DestroyAsync_AnswerTimesOutAndInstanceIsGone_IsDoneWithoutResending()
    {
        _server.StubAnswerOnlyWhenDisposed("DELETE", Instance);
        _server.Stub(RecordedExchange.Get("074"));
        using var client = CreateClient();

        await client.Instances.DestroyAsync("inst4");

        Assert.Equal(1, _sent.CountOf("DELETE", Instance));
        Assert.Equal(1, _sent.CountOf("GET", Instance));
    }

    [Fact]
    public async Task RebootAsync_AnswerTimesOutAndTheReadFailsToo_SaysTheRebootMayHaveHappened()
    {
        _server.StubAnswerOnlyWhenDisposed("POST", Instance + "/reboot");
        _server.Server.Given(Request.Create().WithPath(Instance).UsingGet()).RespondWith(Response.Create().WithStatusCode(500));
        using var client = CreateClient();

        var error = await Assert.ThrowsAsync<DeltacloudTransportException>(() => client.Instances.RebootAsync("inst4"));

        Assert.Contains("the reboot may have taken effect.", error.Message, StringComparison.Ordinal);
        Assert.IsType<DeltacloudTimeoutException>(error.InnerException);
        Assert.Equal(1, _sent.CountOf("POST", Instance + "/reboot"));
    }

    /// <summary>A client whose requests time out after one second unless told otherwise: the tests where the answer
    /// never comes need it short.</summary>
    private DeltacloudClient CreateClient(TimeSpan? requestTimeout = null) =>
        TestClients.Create(_server.ApiUrl, configure: o => o.RequestTimeout = requestTimeout ?? TimeSpan.FromSeconds(1), handler: _sent);
}
