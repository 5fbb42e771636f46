using System.Diagnostics;

namespace CloudConfig.Core;

/// <summary>
/// The conventions every CloudConfig span follows, for the packages' own spans and for extensions (a launcher, an
/// applier) that want theirs to read the same: a failure is marked with the exception's type, never its message (a
/// message may quote user input); a call to a rendezvous server is a client span tagged with the operation, the
/// server and the entry's uuid, never a credential.
/// </summary>
public static class CloudConfigTelemetry
{
    /// <summary>
    /// Marks <paramref name="activity"/> failed: status <see cref="ActivityStatusCode.Error"/> with the exception's
    /// type name, and the tag <c>error.type</c> with its full name. Does nothing when nobody listens (null).
    /// </summary>
    public static void RecordFailure(Activity? activity, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (activity is not null)
        {
            activity.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            activity.SetTag("error.type", exception.GetType().FullName ?? exception.GetType().Name);
        }
    }

    /// <summary>
    /// Starts the client span <c>rendezvous &lt;operation&gt;</c> of one call to a rendezvous server (its retries
    /// included) on <paramref name="source"/>, or none (null) when nobody listens.
    /// </summary>
    public static Activity? StartRendezvousCall(ActivitySource source, string operation, Guid? uuid, Uri server)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(server);
        var activity = source.StartActivity("rendezvous " + operation, ActivityKind.Client);
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
}
