using System.Diagnostics;

namespace CloudConfig.Observability.Tests;

/// <summary>The spans of one run, navigable by parent.</summary>
internal sealed class TraceTree(IReadOnlyList<Activity> spans)
{
    private readonly Dictionary<ActivitySpanId, Activity> _byId = spans.ToDictionary(s => s.SpanId);

    public IReadOnlyList<Activity> Spans { get; } = spans;

    public IEnumerable<Activity> Named(string source, string name) =>
        Spans.Where(s => s.Source.Name == source && s.DisplayName == name);

    public IEnumerable<Activity> InTrace(ActivityTraceId traceId) => Spans.Where(s => s.TraceId == traceId);

    public IEnumerable<Activity> ChildrenOf(Activity parent) => Spans.Where(s => s.ParentSpanId == parent.SpanId && s.TraceId == parent.TraceId);

    /// <summary>Whether <paramref name="ancestor"/> is on <paramref name="span"/>'s chain of recorded parents.</summary>
    public bool Descends(Activity span, Activity ancestor)
    {
        var current = span;
        while (_byId.TryGetValue(current.ParentSpanId, out var parent))
        {
            if (parent.SpanId == ancestor.SpanId)
            {
                return true;
            }

            current = parent;
        }

        return false;
    }

    /// <summary>The chain of recorded spans from the root down to <paramref name="span"/>, as "source/name" steps.</summary>
    public string PathOf(Activity span)
    {
        var path = new List<string> { $"{span.Source.Name}/{span.DisplayName}" };
        var current = span;
        while (_byId.TryGetValue(current.ParentSpanId, out var parent))
        {
            path.Insert(0, $"{parent.Source.Name}/{parent.DisplayName}");
            current = parent;
        }

        return string.Join(" > ", path);
    }
}
