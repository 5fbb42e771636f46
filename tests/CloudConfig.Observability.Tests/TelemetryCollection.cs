namespace CloudConfig.Observability.Tests;

/// <summary>
/// Listeners are process-wide: the tests that collect activities and metrics run one at a time, so one test's
/// servers never add points to another's totals.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryCollection
{
    public const string Name = "telemetry";
}
