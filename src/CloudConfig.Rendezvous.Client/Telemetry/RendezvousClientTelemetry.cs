using System.Diagnostics;
using CloudConfig.Core;

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

    public static Activity? Start(string operation, Guid? uuid, Uri server) => CloudConfigTelemetry.StartRendezvousCall(Source, operation, uuid, server);
}
