// Shared source: compiled into each package that needs it (see the Compile items in its project), internal to
// each, so no package exposes it and none depends on another for it. Plain comments, not XML docs: one member in two
// packages' documentation files breaks tools that merge them (ASP.NET Core's OpenAPI comments fail on the duplicate).
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Runtime.CompilerServices;

namespace CloudConfig.Core;

// The spans of one cache's IConfigCache operations and, for a backend across the network, OpenTelemetry's
// db.client.operation.duration histogram. A span is named after its operation (pre_register, fetch, ...) as
// OpenTelemetry's database conventions name a span without a query summary or a target, and carries the backend's
// attributes (db.system.name, db.namespace, server.address, server.port), db.operation.name, and CloudConfig's own:
// the entry's uuid, the pool's name, the generation served, never a secret, a trust key or configuration bytes.
//
// Every operation asks IsOn first: when nothing listens (no ActivityListener on the source, the histogram not
// enabled) it calls the cache's own code directly, with no span, no clock read and no allocation. The traced paths
// (CacheTelemetry.Operations.cs) are separate methods, so that their closures are only made when they run.
internal sealed partial class CacheTelemetry
{
    private const string OperationTag = "cloudconfig.operation";
    private const string UuidTag = "cloudconfig.entry.uuid";
    private const string PoolTag = "cloudconfig.pool";
    private const string CredentialTag = "cloudconfig.credential";
    private const string KnownGenerationTag = "cloudconfig.known_generation";
    private const string DbOperationTag = "db.operation.name";

    // OpenTelemetry's advice for db.client.operation.duration, in seconds.
    private static readonly double[] DurationBuckets = [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10];

    // This file is compiled into each cache package, so these are the package's own: its one activity source, and the
    // one meter of the caches made without an IMeterFactory (never disposed, like the source).
    private static ActivitySource? _packageSource;
    private static Meter? _packageMeter;

    private readonly ActivitySource _source;
    private readonly ActivityKind _kind;
    private readonly Histogram<double>? _duration;

    // The backend's attributes, the same on every span and measurement; made once, given to each span at its
    // creation (so samplers see db.system.name, as the conventions ask).
    private readonly KeyValuePair<string, object?>[] _backendTags;

    // source: the package's activity source. backend: what the cache talks to, or null for a cache in this process
    // (its spans are then internal and it measures nothing: its operations take less time than a measurement).
    // meter: where the histogram lives; needed with a backend.
    private CacheTelemetry(ActivitySource source, CacheBackend? backend = null, Meter? meter = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        _source = source;
        _kind = backend is null ? ActivityKind.Internal : ActivityKind.Client;
        _backendTags = backend?.Tags() ?? [];
        if (backend is not null)
        {
            ArgumentNullException.ThrowIfNull(meter);
            _duration = meter.CreateHistogram(
                "db.client.operation.duration",
                "s",
                "Duration of the cache's operations on its backend, each as a whole (every command it sent for it).",
                tags: null,
                new InstrumentAdvice<double> { HistogramBucketBoundaries = DurationBuckets });
        }
    }

    // The telemetry of one cache of the package named package (the name of its activity source and meter), with the
    // meter from meterFactory when there is one.
    public static CacheTelemetry For(string package, CacheBackend? backend = null, IMeterFactory? meterFactory = null)
    {
        var version = typeof(CacheTelemetry).Assembly.GetName().Version?.ToString(3);
        var source = LazyInitializer.EnsureInitialized(ref _packageSource, () => new ActivitySource(package, version));
        if (backend is null)
        {
            return new CacheTelemetry(source);
        }

        var meter = meterFactory?.Create(new MeterOptions(package) { Version = version })
            ?? LazyInitializer.EnsureInitialized(ref _packageMeter, () => new Meter(package, version));
        return new CacheTelemetry(source, backend, meter);
    }

    // Whether anything listens: spans or the histogram. False is the hot path's answer when nothing is configured.
    public bool IsOn => _source.HasListeners() || _duration is { Enabled: true };

    private async Task<T> RunAsync<T>(CacheCall call, Func<Task<T>> run, Action<Activity, T>? describe)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Start(call);
        try
        {
            var result = await run().ConfigureAwait(false);
            if (activity is not null)
            {
                describe?.Invoke(activity, result);
            }

            Measure(call.Operation, started, null);
            return result;
        }
        catch (Exception e)
        {
            CloudConfigTelemetry.RecordFailure(activity, e);
            Measure(call.Operation, started, e);
            throw;
        }
    }

    // One span over a whole listing, from the first item asked for to the last (or to the caller stopping early).
    private async IAsyncEnumerable<T> ListAsync<T>(IAsyncEnumerable<T> items, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var activity = Start(new CacheCall(CacheOperations.List));
        var count = 0;
        await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            // Each step runs in the caller's context again: the listing's own span is made current for what it calls.
            if (activity is not null)
            {
                Activity.Current = activity;
            }

            bool more;
            try
            {
                more = await enumerator.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                CloudConfigTelemetry.RecordFailure(activity, e);
                Measure(CacheOperations.List, started, e);
                throw;
            }

            if (!more)
            {
                break;
            }

            count++;
            yield return enumerator.Current;
        }

        activity?.SetTag("db.response.returned_rows", count);
        Measure(CacheOperations.List, started, null);
    }

    private Activity? Start(CacheCall call)
    {
        var activity = _source.StartActivity(call.Operation, _kind, default(ActivityContext), _backendTags);
        if (activity is null)
        {
            return null;
        }

        activity.SetTag(DbOperationTag, call.Operation);
        activity.SetTag(OperationTag, call.Operation);
        if (call.Uuid is { } uuid)
        {
            activity.SetTag(UuidTag, uuid.ToString("D"));
        }

        if (call.Pool is not null)
        {
            activity.SetTag(PoolTag, call.Pool);
        }

        if (call.Credential is not null)
        {
            activity.SetTag(CredentialTag, call.Credential);
        }

        if (call.KnownGeneration is { } known)
        {
            activity.SetTag(KnownGenerationTag, known);
        }

        return activity;
    }

    private void Measure(string operation, long started, Exception? failure)
    {
        if (_duration is not { Enabled: true } duration)
        {
            return;
        }

        var tags = new TagList(_backendTags) { { DbOperationTag, operation } };
        if (failure is not null)
        {
            tags.Add("error.type", failure.GetType().FullName ?? failure.GetType().Name);
        }

        duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }

    // What one call is, as its span's first tags say: the operation and, where it has them, the entry, the pool,
    // the kind of credential presented (boot or trust, never the credential) and the generation the caller has.
    private readonly record struct CacheCall(string Operation, Guid? Uuid = null, string? Pool = null, string? Credential = null, long? KnownGeneration = null);
}
