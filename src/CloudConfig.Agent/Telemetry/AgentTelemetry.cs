using System.Diagnostics;
using System.Diagnostics.Metrics;
using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>
/// The agent's traces and metrics, on the activity source and meter named <see cref="Name"/>: spans for each call to
/// the rendezvous point (fetch, report, long poll, claim; retries included) and for each apply; the apply duration and
/// the agent's exit codes. Tags carry uuids, generations, states and exit codes: never a secret, a configuration, its
/// output or a parameter. Nothing is created or recorded unless someone listens.
/// </summary>
internal sealed class AgentTelemetry
{
    public const string Name = "CloudConfig.Agent";

    public static readonly string Version = typeof(AgentTelemetry).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static readonly ActivitySource Source = new(Name, Version);

    // For an agent constructed without an IMeterFactory: one meter for the process, never disposed.
    private static readonly Lazy<Meter> SharedMeter = new(() => new Meter(Name, Version));

    private readonly Histogram<double> _applyDuration;
    private readonly Counter<long> _exits;

    public AgentTelemetry(IMeterFactory? meterFactory)
    {
        var meter = meterFactory?.Create(new MeterOptions(Name) { Version = Version }) ?? SharedMeter.Value;
        _applyDuration = meter.CreateHistogram<double>(
            "cloudconfig.agent.apply.duration", "s", "How long applying a configuration took, by outcome (configured, failed) and the command's exit code.");
        _exits = meter.CreateCounter<long>(
            "cloudconfig.agent.exits", "{exit}", "Agents that stopped, by exit code (ConfigAgentExitCodes; 0 after a --once run).");
    }

    public void Applied(TimeSpan duration, InstanceState state, int? exitCode)
    {
        if (!_applyDuration.Enabled)
        {
            return;
        }

        var outcome = new KeyValuePair<string, object?>("cloudconfig.instance.state", state == InstanceState.Configured ? "configured" : "failed");
        if (exitCode is { } code)
        {
            _applyDuration.Record(duration.TotalSeconds, outcome, new KeyValuePair<string, object?>("process.exit.code", code));
        }
        else
        {
            _applyDuration.Record(duration.TotalSeconds, outcome);
        }
    }

    public void Exited(int exitCode)
    {
        if (_exits.Enabled)
        {
            _exits.Add(1, new KeyValuePair<string, object?>("process.exit.code", exitCode));
        }
    }

    /// <summary>The span of one call to the rendezvous point, or none when nobody listens.</summary>
    public static Activity? StartCall(string operation, Guid? uuid)
    {
        var activity = Source.StartActivity("agent " + (operation == "update_cache" ? "report" : operation));
        if (activity is not null)
        {
            activity.SetTag("cloudconfig.operation", operation);
            if (uuid is { } id && id != Guid.Empty)
            {
                activity.SetTag("cloudconfig.entry.uuid", id.ToString("D"));
            }
        }

        return activity;
    }
}
