using System.Diagnostics;
using CloudConfig.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CloudConfig.Rendezvous;

/// <summary>
/// The server's spans, on the activity source <see cref="Name"/>: one per handled request, a child of the request's
/// span that ASP.NET Core continues from the caller's <c>traceparent</c> (or of that caller's span itself, when the
/// host started none). Tagged with the operation, the entry's uuid and the outcome; never a credential or an address.
/// None is created unless someone listens.
/// </summary>
internal static class RendezvousTelemetry
{
    public const string Name = "CloudConfig.Rendezvous";

    public static readonly string Version = typeof(RendezvousTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    public static Activity? Start(string operation, HttpContext context)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        // Under the host's request span when it started one; otherwise (nobody listens to ASP.NET Core's spans and the
        // host logs no requests, see RequestDiagnostics) joined to the caller's trace from the request itself.
        var activity = Activity.Current is null && RemoteParent(context) is { } parent
            ? Source.StartActivity("handle " + operation, ActivityKind.Internal, parent)
            : Source.StartActivity("handle " + operation);
        if (activity is not null)
        {
            activity.SetTag("cloudconfig.operation", operation);
            if (context.GetRouteValue("uuid") is string uuid)
            {
                activity.SetTag("cloudconfig.entry.uuid", Guid.TryParse(uuid, out var parsed) ? parsed.ToString("D") : "malformed");
            }
        }

        return activity;
    }

    private static ActivityContext? RemoteParent(HttpContext context)
    {
        DistributedContextPropagator.Current.ExtractTraceIdAndState(
            context.Request.Headers,
            static (object? carrier, string name, out string? value, out IEnumerable<string>? values) =>
            {
                values = null;
                value = ((IHeaderDictionary)carrier!)[name];
            },
            out var traceParent,
            out var traceState);
        return ActivityContext.TryParse(traceParent, traceState, isRemote: true, out var parent) ? parent : null;
    }

    /// <summary>Tags the handler's span (the current activity, if it is ours) with the refusal.</summary>
    public static void Refused(string kind, string reason)
    {
        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, Source))
        {
            activity.SetTag("cloudconfig.refusal.kind", kind);
            activity.SetTag("cloudconfig.refusal.reason", reason);
        }
    }

    /// <summary>Tags the handler's span with what the instance reported (its state, exit code and generation; never its detail or parameters).</summary>
    public static void Reported(InstanceStatus status)
    {
        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, Source))
        {
            activity.SetTag("cloudconfig.instance.state", StateName(status.State));
            if (status.ExitCode is { } exitCode)
            {
                activity.SetTag("process.exit.code", exitCode);
            }

            if (status.AppliedGeneration is { } generation)
            {
                activity.SetTag("cloudconfig.generation", generation);
            }
        }
    }

    /// <summary>A state's name as on the wire, without allocating.</summary>
    public static string StateName(InstanceState state) => state switch
    {
        InstanceState.Registered => "registered",
        InstanceState.Configuring => "configuring",
        InstanceState.Configured => "configured",
        InstanceState.Failed => "failed",
        _ => "unknown",
    };

    /// <summary>Tags the handler's span with the uuid a registration names in its body.</summary>
    public static void Registering(Guid uuid)
    {
        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, Source))
        {
            activity.SetTag("cloudconfig.entry.uuid", uuid.ToString("D"));
        }
    }

    /// <summary>Tags the handler's span with what was served.</summary>
    public static void Served(long generation)
    {
        if (Activity.Current is { } activity && ReferenceEquals(activity.Source, Source))
        {
            activity.SetTag("cloudconfig.generation", generation);
        }
    }
}
