using System.Collections.Concurrent;
using System.Diagnostics;

namespace CloudConfig.Cache.Conformance;

/// <summary>
/// Starts a span of the test's own and records, in the order they start, the spans an activity source makes in that
/// span's trace, and only those: listeners are process-wide, and tests running meanwhile have traces of their own (or
/// none), so their operations are not sampled and make no span.
/// </summary>
public sealed class SpanRecorder : IDisposable
{
    private readonly ConcurrentQueue<Activity> _started = new();
    private readonly ActivityListener _listener;

    public SpanRecorder(string sourceName)
    {
        Parent = new Activity("cache-span-test").SetIdFormat(ActivityIdFormat.W3C).Start();
        var traceId = Parent.TraceId;
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == sourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.Parent.TraceId == traceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStarted = _started.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The test's span, current from construction until disposal.</summary>
    public Activity Parent { get; }

    /// <summary>The spans recorded so far, in the order they started.</summary>
    public IReadOnlyList<Activity> Spans => [.. _started];

    /// <summary>The spans whose parent is <paramref name="parent"/>, in the order they started.</summary>
    public IReadOnlyList<Activity> ChildrenOf(Activity parent) => [.. _started.Where(s => s.ParentSpanId == parent.SpanId)];

    public void Dispose()
    {
        _listener.Dispose();
        Parent.Stop();
    }
}
