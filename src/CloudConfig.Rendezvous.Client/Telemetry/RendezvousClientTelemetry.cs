using System.Diagnostics;

namespace CloudConfig.Rendezvous.Client;

/// <summary>
/// The instance client's spans, on the activity source <see cref="Name"/>: one client span per call (retries
/// included), whose context travels to the server in the <c>traceparent</c> header of every attempt. None is
/// created unless someone listens.
/// </summary>
internal static class RendezvousClientTelemetry
{
    public const string Name = "CloudConfig.Rendezvous.Client";

    public static readonly ActivitySource Source = new(Name, typeof(RendezvousClientTelemetry).Assembly.GetName().Version?.ToString(3));

    public static Activity? Start(string operation, Guid? uuid, Uri server)
    {
        var activity = Source.StartActivity("rendezvous " + operation, ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("cloudconfig.operation", operation);
            activity.SetTag("server.address", server.Host);
            activity.SetTag("server.port", server.Port);
            if (uuid is { } id)
            {
                activity.SetTag("cloudconfig.entry.uuid", id.ToString("D"));
            }
        }

        return activity;
    }

    public static void Fail(Activity? activity, Exception exception)
    {
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity.SetTag("error.type", exception.GetType().FullName);
        }
    }
}
