using System.Diagnostics;
using System.Globalization;
using CloudConfig.Core;

namespace CloudConfig.Cache.Conformance;

/// <summary>
/// The spans every cache package makes of its operations (and, for a backend across the network, the measurements):
/// one span per operation, named after it, a child of the caller's span, tagged with the entry and the backend, and
/// never with a secret, a trust key, a hash of one or the configuration. An implementation's tests subclass this
/// class and say how to build the cache and what its spans say of its backend.
/// </summary>
public abstract partial class CacheSpanConformanceTests : IAsyncLifetime
{
    private const string Duration = "db.client.operation.duration";

    /// <summary>The meters the cache under test is given, so that only its measurements are heard.</summary>
    protected TestMeterFactory Meters { get; } = new();

    /// <summary>The cache under test.</summary>
    protected IConfigCache Cache { get; private set; } = null!;

    /// <summary>The name of the package's activity source.</summary>
    protected abstract string SourceName { get; }

    /// <summary>The kind of the cache's spans: internal in this process, client across the network.</summary>
    protected abstract ActivityKind Kind { get; }

    /// <summary>What every span must say of the backend (<c>db.system.name</c>, <c>server.port</c>, ...); none in process.</summary>
    protected abstract IReadOnlyDictionary<string, object> BackendTags { get; }

    /// <summary>Whether the cache measures <c>db.client.operation.duration</c> on the meters it is given.</summary>
    protected abstract bool Measures { get; }

    /// <summary>Builds an empty cache that takes its meters from <paramref name="meters"/>.</summary>
    protected abstract Task<IConfigCache> CreateCacheAsync(TestMeterFactory meters);

    /// <inheritdoc />
    public async Task InitializeAsync() => Cache = await CreateCacheAsync(Meters);

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        await CacheDisposal.DisposeAsync(Cache);
        Meters.Dispose();
    }

    [Fact]
    public async Task EveryOperation_IsOneSpanNamedAfterIt_UnderTheCallersSpan_TaggedWithTheEntryAndNeverASecret()
    {
        var call = new Scenario();
        using var measured = new MeasurementRecorder(Meters, Duration);
        IReadOnlyList<Activity> operations;
        IReadOnlyList<Activity> spans;
        using (var recorder = new SpanRecorder(SourceName))
        {
            await call.RunAsync(Cache);
            operations = recorder.ChildrenOf(recorder.Parent);
            spans = recorder.Spans;
        }

        Assert.Equal(Scenario.Operations, operations.Select(s => s.DisplayName));
        Assert.All(spans, span => AssertCommonTags(span, span.DisplayName));
        Assert.All(spans, span => Assert.True(span.IsStopped, $"{span.DisplayName} never ended"));
        Assert.All(spans, span => Assert.Equal(ActivityStatusCode.Unset, span.Status));
        AssertOperationTags(call, operations);

        // The long poll's answer is a fetch of its own, inside it: the contact it records shows in the trace.
        var longPoll = Assert.Single(operations, s => s.DisplayName == "wait_for_update");
        var contact = Assert.Single(spans, s => s.ParentSpanId == longPoll.SpanId);
        Assert.Equal("fetch", contact.DisplayName);
        Assert.Equal("trust", contact.GetTagItem("cloudconfig.credential"));
        Assert.Equal(operations.Count + 1, spans.Count);

        var forbidden = call.Secrets();
        Assert.All(spans.SelectMany(s => s.TagObjects), tag => AssertNoSecret(forbidden, tag));
        if (Measures)
        {
            AssertMeasuredEachOperation(measured.Measurements, spans);
            Assert.All(measured.Measurements.SelectMany(m => m.Tags), tag => AssertNoSecret(forbidden, tag));
        }
        else
        {
            Assert.Empty(measured.Measurements);
        }
    }

    [Fact]
    public async Task RefusedFetch_MarksItsSpanFailedWithTheErrorTypeAloneAndMeasuresIt()
    {
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        var wrong = Secret.Generate();
        await Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo refused"), bootSecret));
        using var measured = new MeasurementRecorder(Meters, Duration);
        Activity refused;
        using (var recorder = new SpanRecorder(SourceName))
        {
            await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => Cache.FetchAsync(uuid, InstanceCredential.FirstContact(wrong, Secret.Generate())));
            refused = Assert.Single(recorder.Spans);
        }

        Assert.Equal("fetch", refused.DisplayName);
        Assert.Equal(ActivityStatusCode.Error, refused.Status);
        Assert.Equal(nameof(ConfigEntryNotFoundException), refused.StatusDescription);
        Assert.Equal(typeof(ConfigEntryNotFoundException).FullName, refused.GetTagItem("error.type"));
        Assert.Equal(uuid.ToString("D"), refused.GetTagItem("cloudconfig.entry.uuid"));
        Assert.Null(refused.GetTagItem("cloudconfig.generation"));
        Assert.Empty(refused.Events);
        Assert.All(refused.TagObjects, tag => AssertNoSecret([wrong.Reveal(), bootSecret.Reveal(), ConfigEntryNotFoundException.StandardMessage], tag));
        if (Measures)
        {
            var measurement = Assert.Single(measured.Measurements);
            Assert.Equal("fetch", measurement.Tags["db.operation.name"]);
            Assert.Equal(typeof(ConfigEntryNotFoundException).FullName, measurement.Tags["error.type"]);
        }
    }

    private void AssertCommonTags(Activity span, string operation)
    {
        Assert.Equal(Kind, span.Kind);
        Assert.Equal(SourceName, span.Source.Name);
        Assert.Equal(operation, span.GetTagItem("db.operation.name"));
        Assert.Equal(operation, span.GetTagItem("cloudconfig.operation"));
        foreach (var (key, value) in BackendTags)
        {
            Assert.Equal(value, span.GetTagItem(key));
        }

        if (BackendTags.Count == 0)
        {
            Assert.Null(span.GetTagItem("db.system.name"));
        }
    }

    private void AssertMeasuredEachOperation(IReadOnlyList<(double Value, IReadOnlyDictionary<string, object?> Tags)> measurements, IReadOnlyList<Activity> spans)
    {
        Assert.Equal(
            spans.Select(s => s.DisplayName).Order(StringComparer.Ordinal),
            measurements.Select(m => (string)m.Tags["db.operation.name"]!).Order(StringComparer.Ordinal));
        Assert.All(measurements, m =>
        {
            Assert.True(m.Value >= 0, $"a duration of {m.Value} s");
            Assert.False(m.Tags.ContainsKey("error.type"));
            Assert.False(m.Tags.ContainsKey("cloudconfig.entry.uuid"), "a uuid would make every entry a time series of its own");
            foreach (var (key, value) in BackendTags)
            {
                Assert.Equal(value, m.Tags[key]);
            }
        });
    }

    private static void AssertNoSecret(IReadOnlyList<string> forbidden, KeyValuePair<string, object?> tag)
    {
        var text = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
        foreach (var secret in forbidden)
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"The tag {tag.Key} carries something it must not: {text}");
        }
    }
}
