using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CloudConfig.Cache.Conformance;

/// <summary>
/// An <see cref="IMeterFactory"/> of the test's own: its meters carry it as their scope, so a
/// <see cref="MeasurementRecorder"/> hears only what the cache given this factory measures.
/// </summary>
public sealed class TestMeterFactory : IMeterFactory
{
    private readonly ConcurrentQueue<Meter> _meters = new();

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var meter = new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
        _meters.Enqueue(meter);
        return meter;
    }

    public void Dispose()
    {
        while (_meters.TryDequeue(out var meter))
        {
            meter.Dispose();
        }
    }
}
