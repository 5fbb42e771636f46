using System.Diagnostics;

namespace CloudConfig.Deltacloud;

/// <summary>
/// The launcher's spans, on the activity source <see cref="Name"/>: the create, the teardown and the lookup by name,
/// each around the Deltacloud requests it makes (whose <c>traceparent</c> header carries the context on). Never a
/// credential or user data in a tag. None is created unless someone listens.
/// </summary>
internal static class DeltacloudTelemetry
{
    public const string Name = "CloudConfig.Deltacloud";

    public static readonly ActivitySource Source = new(Name, typeof(DeltacloudTelemetry).Assembly.GetName().Version?.ToString(3));

    public static Activity? Start(string operation)
    {
        var activity = Source.StartActivity("deltacloud " + operation);
        activity?.SetTag("cloudconfig.operation", operation);
        return activity;
    }
}
