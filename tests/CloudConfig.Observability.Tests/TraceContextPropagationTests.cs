using System.Collections.Concurrent;
using System.Diagnostics;
using CloudConfig.Cache.InMemory;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Deltacloud;
using CloudConfig.Rendezvous;
using CloudConfig.Rendezvous.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudConfig.Observability.Tests;

/// <summary>
/// Every HTTP call the packages make carries W3C trace context: checked at a real listener, with only CloudConfig's
/// own activity sources listened to (no HttpClient or ASP.NET Core instrumentation), so the header comes from the
/// packages' spans and HttpClient's propagation alone.
/// </summary>
[Collection(TelemetryCollection.Name)]
public sealed class TraceContextPropagationTests : IDisposable
{
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ActivityListener _listener;

    private readonly ActivitySource _test = new("CloudConfig.Observability.Tests");

    public TraceContextPropagationTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name.StartsWith("CloudConfig.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    [Fact]
    public async Task ReadyServer_WithOnlyCloudConfigListenedTo_JoinsItsHandlerSpanToTheCallersTrace()
    {
        // Nobody listens to ASP.NET Core's spans and the ready server logs no request, so the host starts no span of
        // its own: the handler's span must take its parent from the request's traceparent.
        var cache = new InMemoryConfigCache();
        await using var server = await RendezvousServer.StartAsync(new RendezvousServerOptions { Cache = cache, Configure = o => o.ApiKey = Secret.Generate().Reveal() });
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), bootSecret));
        await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        using var client = new RendezvousInstanceClient(server.Urls[0], new RendezvousInstanceClientOptions { MaxRetryAttempts = 0 });

        ActivityTraceId traceId;
        using (var parent = _test.StartActivity("caller")!)
        {
            traceId = parent.TraceId;
            await client.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));
        }

        // The server's span ends after its answer is written, so the caller may see the answer first.
        var started = Stopwatch.GetTimestamp();
        Activity? handled;
        while ((handled = _stopped.FirstOrDefault(a => a.Source.Name == "CloudConfig.Rendezvous" && a.TraceId == traceId)) is null)
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(30), "The server's span never ended.");
            await Task.Delay(10);
        }

        // Found in the caller's trace, below the span HttpClient sent in traceparent (HttpClient starts one for the
        // header whenever a span is current, listened to or not), so below the client's call.
        Assert.Single(_stopped, a => a.Source.Name == "CloudConfig.Rendezvous.Client" && a.TraceId == traceId);
        Assert.Equal("handle fetch", handled.DisplayName);
        Assert.True(handled.HasRemoteParent);
        Assert.NotEqual(default, handled.ParentSpanId);
        Assert.Equal(uuid.ToString("D"), handled.GetTagItem("cloudconfig.entry.uuid"));
    }

    [Fact]
    public async Task AppRendezvousClient_OverFlurl_SendsTraceParentOfTheCallersTrace()
    {
        await using var recorder = await HeaderRecorder.StartAsync(404);
        using var cache = new RendezvousConfigCache(Options.Create(new RendezvousConfigCacheOptions
        {
            BaseAddress = recorder.BaseAddress,
            ApiKey = Secret.Generate().Reveal(),
            MaxRetryAttempts = 0,
        }));

        using var parent = _test.StartActivity("caller")!;
        Assert.Null(await cache.GetAsync(Guid.NewGuid()));

        AssertCarried(recorder, parent, "/v1/entries/");
    }

    [Fact]
    public async Task InstanceRendezvousClient_OverPlainHttpClient_SendsTraceParentOfTheCallersTrace()
    {
        await using var recorder = await HeaderRecorder.StartAsync(404);
        using var client = new RendezvousInstanceClient(recorder.BaseAddress, new RendezvousInstanceClientOptions { MaxRetryAttempts = 0 });

        using var parent = _test.StartActivity("caller")!;
        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => client.FetchAsync(Guid.NewGuid(), InstanceCredential.Trusted(Secret.Generate())));

        AssertCarried(recorder, parent, "/v1/instances/");
    }

    [Fact]
    public async Task DeltacloudClient_OverFlurlAndTheHttpClientFactory_SendsTraceParentOfTheCallersTrace()
    {
        await using var recorder = await HeaderRecorder.StartAsync(401);
        await using var services = new ServiceCollection()
            .AddDeltacloudClient(o =>
            {
                o.BaseUrl = new Uri(recorder.BaseAddress, "api");
                o.Username = "user";
                o.Password = "password";
                o.MaxRetryAttempts = 0;
            })
            .BuildServiceProvider();

        using var parent = _test.StartActivity("caller")!;
        Assert.False(await services.GetRequiredService<IDeltacloudClient>().ValidateCredentialsAsync());

        AssertCarried(recorder, parent, "/api");
    }

    public void Dispose()
    {
        _listener.Dispose();
        _test.Dispose();
    }

    private static void AssertCarried(HeaderRecorder recorder, Activity parent, string pathPrefix)
    {
        var (path, traceParent) = Assert.Single(recorder.Requests);
        Assert.StartsWith(pathPrefix, path, StringComparison.Ordinal);
        Assert.NotNull(traceParent);

        // version-traceid-parentid-flags: the caller's trace, a span of its own below the caller, sampled.
        var parts = traceParent.Split('-');
        Assert.Equal(4, parts.Length);
        Assert.Equal("00", parts[0]);
        Assert.Equal(parent.TraceId.ToHexString(), parts[1]);
        Assert.NotEqual(parent.SpanId.ToHexString(), parts[2]);
        Assert.Equal("01", parts[3]);
    }
}
