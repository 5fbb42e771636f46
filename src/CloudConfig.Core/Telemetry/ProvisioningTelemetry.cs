using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CloudConfig.Core;

/// <summary>
/// The provisioner's traces and metrics, on the activity source and meter named <see cref="Name"/> (the package's
/// name, versioned like it). Nothing is recorded or allocated unless a listener (OpenTelemetry, dotnet-counters, ...)
/// subscribes; no tag ever carries a secret or user data, only uuids, instance ids, stages and error types.
/// </summary>
internal sealed class ProvisioningTelemetry
{
    public const string Name = "CloudConfig.Core";

    public static readonly string Version = typeof(ProvisioningTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    // For a provisioner constructed without an IMeterFactory: one meter for the process, never disposed.
    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(Name, Version));

    private readonly Counter<long> _provisioned;
    private readonly Counter<long> _failed;
    private readonly Histogram<double> _timeToConfigured;

    public ProvisioningTelemetry(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(new MeterOptions(Name) { Version = Version }) ?? SharedMeter.Value;
        _provisioned = meter.CreateCounter<long>(
            "cloudconfig.provisioner.provisioned", "{instance}", "Instances provisioned: registered and started.");
        _failed = meter.CreateCounter<long>(
            "cloudconfig.provisioner.failed", "{instance}", "ProvisionAsync calls that failed, by stage (register, launch, after_launch) and error type.");
        _timeToConfigured = meter.CreateHistogram<double>(
            "cloudconfig.provisioner.time_to_configured", "s", "From an entry's registration to its instance's report that it is configured, as the cache recorded both.");
    }

    public void Provisioned() => _provisioned.Add(1);

    public void Failed(ProvisioningStage stage, Exception exception)
    {
        if (_failed.Enabled)
        {
            _failed.Add(1, new KeyValuePair<string, object?>("cloudconfig.provisioning.stage", StageName(stage)), new KeyValuePair<string, object?>("error.type", ErrorType(exception)));
        }
    }

    /// <summary>Records how long the entry took from registration to its configured report.</summary>
    public void Configured(ConfigEntry entry)
    {
        if (_timeToConfigured.Enabled && entry.LastContactAt is { } reported && reported >= entry.CreatedAt)
        {
            _timeToConfigured.Record((reported - entry.CreatedAt).TotalSeconds);
        }
    }

    /// <summary>Starts a span of the provisioner, or none (null) when nobody listens.</summary>
    public static Activity? Start(string name, Guid uuid)
    {
        var activity = Source.StartActivity(name);
        activity?.SetTag("cloudconfig.entry.uuid", uuid.ToString("D"));
        return activity;
    }

    public static string StageName(ProvisioningStage stage) => stage switch
    {
        ProvisioningStage.Register => "register",
        ProvisioningStage.Launch => "launch",
        _ => "after_launch",
    };

    private static string ErrorType(Exception exception) => exception.GetType().FullName ?? exception.GetType().Name;
}
