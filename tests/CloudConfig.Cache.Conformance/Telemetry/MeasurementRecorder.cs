using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CloudConfig.Cache.Conformance;

/// <summary>Records every measurement of one instrument made on the meters of one <see cref="TestMeterFactory"/>.</summary>
public sealed class MeasurementRecorder : IDisposable
{
    private readonly ConcurrentQueue<(double Value, IReadOnlyDictionary<string, object?> Tags)> _measurements = new();
    private readonly MeterListener _listener = new();

    public MeasurementRecorder(TestMeterFactory scope, string instrument)
    {
        _listener.InstrumentPublished = (published, listener) =>
        {
            if (ReferenceEquals(published.Meter.Scope, scope) && published.Name == instrument)
            {
                listener.EnableMeasurementEvents(published);
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, tags, _) =>
            _measurements.Enqueue((value, tags.ToArray().ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal))));
        _listener.Start();
    }

    /// <summary>The measurements so far, each with its tags.</summary>
    public IReadOnlyList<(double Value, IReadOnlyDictionary<string, object?> Tags)> Measurements => [.. _measurements];

    public void Dispose() => _listener.Dispose();
}
