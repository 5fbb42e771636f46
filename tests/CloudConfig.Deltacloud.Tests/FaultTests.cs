using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CloudConfig.Deltacloud.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>Resilience against a real loopback listener: retries, create reconciliation, refused connections, cancellation.</summary>
public sealed class FaultTests : IDisposable
{
    private readonly ReplayServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ListAsync_503Then503Then200_ReturnsResultAfterRetries()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        var realms = RecordedExchange.Get("027");
        _server.Server.Given(Request.Create().WithPath("/api/realms").UsingGet()).InScenario("flaky").WillSetStateTo("one")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Server.Given(Request.Create().WithPath("/api/realms").UsingGet()).InScenario("flaky").WhenStateIs("one").WillSetStateTo("two")
            .RespondWith(Response.Create().WithStatusCode(503));
        _server.Server.Given(Request.Create().WithPath("/api/realms").UsingGet()).InScenario("flaky").WhenStateIs("two")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/xml").WithBody(_server.Rewrite(realms.ResponseBody)));
        using var client = _server.CreateClient();

        var result = await client.Realms.ListAsync();

        Assert.Equal(["us", "eu"], result.Select(r => r.Id));
        Assert.Equal(3, _server.CountRequests("GET", "/api/realms"));
    }

    [Fact]
    public async Task ListAsync_502Always_GivesProviderErrorAfterBoundedAttempts()
    {
        _server.StubEntryPoint(DeltacloudFormat.Json);
        _server.Stub(RecordedExchange.Get("113"));
        using var client = _server.CreateClient(DeltacloudFormat.Json);

        var error = await Assert.ThrowsAsync<DeltacloudProviderException>(() => client.Realms.GetAsync("502"));

        Assert.True(error.IsTransient);
        Assert.Equal(3, _server.CountRequests("GET", "/api/realms/502"));
    }

    [Fact]
    public async Task CreateAsync_AnswerTimesOutAfterServerMadeInstance_ReturnsThatInstanceWithoutSecondPost()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.StubAnswerOnlyWhenDisposed("POST", "/api/instances");
        _server.StubXml("GET", "/api/instances", Bodies.InstanceListWithRecXml1);
        using var sent = new CountingHandler();
        using var client = TestClients.Create(_server.ApiUrl, configure: o => o.RequestTimeout = TimeSpan.FromSeconds(1), handler: sent);

        var instance = await client.Instances.CreateAsync(new CreateInstanceRequest("img1") { Name = "rec-xml-1", UserData = "#!/bin/sh\n" });

        Assert.Equal(("inst4", "rec-xml-1"), (instance.Id, instance.Name));
        Assert.Equal(1, sent.CountOf("POST", "/api/instances"));
        Assert.Equal(1, sent.CountOf("GET", "/api/instances"));
    }

    [Fact]
    public async Task CreateAsync_ProviderErrorAndNoInstanceMade_TriesAgainOnlyAfterLookup()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Server.Given(Request.Create().WithPath("/api/instances").UsingPost()).InScenario("create").WillSetStateTo("failed-once")
            .RespondWith(Response.Create().WithStatusCode(502));
        _server.Server.Given(Request.Create().WithPath("/api/instances").UsingPost()).InScenario("create").WhenStateIs("failed-once")
            .RespondWith(Response.Create().WithStatusCode(201).WithHeader("Content-Type", "application/xml").WithBody(_server.Rewrite(RecordedExchange.Get("064").ResponseBody)));
        _server.StubXml("GET", "/api/instances", Bodies.EmptyInstanceList);
        using var client = _server.CreateClient();

        var instance = await client.Instances.CreateAsync(new CreateInstanceRequest("img1") { Name = "rec-xml-1" });

        Assert.Equal("inst4", instance.Id);
        Assert.Equal(2, _server.CountRequests("POST", "/api/instances"));
        Assert.Equal(1, _server.CountRequests("GET", "/api/instances"));
    }

    [Fact]
    public async Task CreateAsync_TimeoutWithoutName_IsNotRetried()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.StubAnswerOnlyWhenDisposed("POST", "/api/instances");
        using var sent = new CountingHandler();
        using var client = TestClients.Create(_server.ApiUrl, configure: o => o.RequestTimeout = TimeSpan.FromSeconds(1), handler: sent);

        await Assert.ThrowsAsync<DeltacloudTimeoutException>(() => client.Instances.CreateAsync(new CreateInstanceRequest("img1")));

        Assert.Equal(1, sent.CountOf("POST", "/api/instances"));
        Assert.Equal(0, sent.CountOf("GET", "/api/instances"));
    }

    [Fact]
    public async Task GetEntryPointAsync_ConnectionRefused_GivesTransportErrorAfterBoundedRetries()
    {
        using var handler = new CountingHandler();
        using var client = TestClients.Create(new Uri($"http://127.0.0.1:{ClosedPort()}/api"), handler: handler);

        var error = await Assert.ThrowsAsync<DeltacloudTransportException>(() => client.Images.ListAsync());

        Assert.True(error.IsTransient);
        Assert.Null(error.StatusCode);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task WaitForStateAsync_Cancelled_StopsPromptly()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.StubXml("GET", "/api/instances/inst0", Bodies.Inst0InState("PENDING"));
        using var client = _server.CreateClient(configure: o => o.WaitPollInitialDelay = o.WaitPollMaxDelay = TimeSpan.FromMinutes(5));
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.Instances.WaitForStateAsync("inst0", DeltacloudInstanceState.Running, TimeSpan.FromHours(1), cts.Token));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task GetAsync_CallerCancelsWhileTheAnswerIsAwaited_GetsItsOwnCancellationNotATimeout()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.Server.Given(Request.Create().WithPath("/api/realms/slow").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithCallback(async _ =>
            {
                arrived.TrySetResult();
                await release.Task;
                return new ResponseMessage { StatusCode = 503 };
            }));
        using var client = _server.CreateClient(configure: o => o.MaxRetryAttempts = 0);
        using var cancel = new CancellationTokenSource();
        try
        {
            var get = client.Realms.GetAsync("slow", cancel.Token);
            await arrived.Task.WaitAsync(TimeSpan.FromSeconds(30));
            await cancel.CancelAsync();

            var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => get);
            Assert.Equal(cancel.Token, error.CancellationToken);
        }
        finally
        {
            release.TrySetResult();
        }
    }

    [Fact]
    public async Task WaitForStateAsync_StateNeverReached_TimesOutOnTheTimeProvidersClock()
    {
        var time = new FakeTimeProvider();
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.StubXml("GET", "/api/instances/inst0", Bodies.Inst0InState("PENDING"));
        using var client = _server.CreateClient(timeProvider: time, configure: o =>
        {
            o.WaitPollInitialDelay = TimeSpan.FromSeconds(10);
            o.WaitPollMaxDelay = TimeSpan.FromSeconds(30);
        });

        var wait = client.Instances.WaitForStateAsync("inst0", DeltacloudInstanceState.Running, TimeSpan.FromMinutes(2));
        while (!wait.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(10));
            await Task.Yield();
            await Task.Delay(1);
        }

        var error = await Assert.ThrowsAsync<DeltacloudTimeoutException>(() => wait);
        Assert.Contains("PENDING", error.Message, StringComparison.Ordinal);
        Assert.InRange(_server.CountRequests("GET", "/api/instances/inst0"), 3, 12);
    }

    [Fact]
    public async Task WaitForStateAsync_PendingThenRunning_ReturnsRunningInstance()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Server.Given(Request.Create().WithPath("/api/instances/inst0").UsingGet()).InScenario("boot").WillSetStateTo("booted")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/xml").WithBody(_server.Rewrite(Bodies.Inst0InState("PENDING"))));
        _server.Server.Given(Request.Create().WithPath("/api/instances/inst0").UsingGet()).InScenario("boot").WhenStateIs("booted")
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/xml").WithBody(_server.Rewrite(RecordedExchange.Get("058").ResponseBody)));
        using var client = _server.CreateClient();

        var instance = await client.Instances.WaitForStateAsync("inst0", DeltacloudInstanceState.Running, TimeSpan.FromSeconds(10));

        Assert.Equal(DeltacloudInstanceState.Running, instance.State);
        Assert.Equal(2, _server.CountRequests("GET", "/api/instances/inst0"));
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
