using System.Diagnostics;
using CloudConfig.Core;

namespace CloudConfig.Cache.Rendezvous;

/// <summary>
/// The app-side client's spans, on the activity source <see cref="Name"/>: one client span per call (retries
/// included), whose context travels to the server in the <c>traceparent</c> header of every attempt. None is
/// created unless someone listens.
/// </summary>
internal static class RendezvousCacheTelemetry
{
    public const string Name = "CloudConfig.Cache.Rendezvous";

    public static readonly ActivitySource Source = new(Name, typeof(RendezvousCacheTelemetry).Assembly.GetName().Version?.ToString(3));

    public static Activity? Start(string operation, Guid? uuid, Uri server) => CloudConfigTelemetry.StartRendezvousCall(Source, operation, uuid, server);
}
