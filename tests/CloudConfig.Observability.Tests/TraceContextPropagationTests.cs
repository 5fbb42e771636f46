using System.Diagnostics;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Deltacloud;
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
    private readonly ActivityListener _listener = new()
    {
        ShouldListenTo = source => source.Name.StartsWith("CloudConfig.", StringComparison.Ordinal),
        Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
    };

    private readonly ActivitySource _test = new("CloudConfig.Observability.Tests");

    public TraceContextPropagationTests() => ActivitySource.AddActivityListener(_listener);

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
