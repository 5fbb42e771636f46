using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent;

/// <summary>
/// Runs <see cref="IConfigAgent.RunAsync"/> for the host's lifetime. Host shutdown cancels the agent (a command in
/// flight is ended with its whole session). An error the agent stops with is logged as one line, sets
/// <see cref="Environment.ExitCode"/> to its <see cref="ConfigAgentExitCodes"/> code and stops the application;
/// finishing after the first apply (<see cref="ConfigAgentOptions.ExitAfterApply"/>) stops it with code 0.
/// </summary>
internal sealed partial class ConfigAgentHostedService : BackgroundService
{
    private const int MaxReasonLength = 2000;

    private readonly IConfigAgent _agent;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;
    private readonly AgentTelemetry _telemetry;

    public ConfigAgentHostedService(IConfigAgent agent, IHostApplicationLifetime lifetime, ILogger<ConfigAgentHostedService>? logger = null, IMeterFactory? meterFactory = null)
    {
        _telemetry = new AgentTelemetry(meterFactory);
        _agent = agent;
        _lifetime = lifetime;
        _logger = logger ?? NullLogger<ConfigAgentHostedService>.Instance;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await _agent.RunAsync(stoppingToken).ConfigureAwait(false);
            Log.Finished(_logger);
            _telemetry.Exited(ConfigAgentExitCodes.Ok);
            _lifetime.StopApplication();
        }
        catch (Exception) when (stoppingToken.IsCancellationRequested)
        {
            // The host is stopping: whatever was interrupted, stopping is what happened.
        }
        catch (Exception e)
        {
            var exitCode = ConfigAgentExitCodes.For(e);
            Log.Stopped(_logger, exitCode, Reason(e));
            Log.StoppedDetail(_logger, e);
            Environment.ExitCode = exitCode;
            _telemetry.Exited(exitCode);
            _lifetime.StopApplication();
        }
    }

    /// <summary>Why the agent stopped, on one line: the agent's own messages never hold a secret.</summary>
    private static string Reason(Exception exception)
    {
        var reason = exception switch
        {
            OptionsValidationException invalid => "invalid options: " + string.Join(" ", invalid.Failures),
            ConfigAgentException or IOException or UnauthorizedAccessException => exception.Message,
            _ => $"unexpected error ({exception.GetType().Name}): {exception.Message}",
        };

        // A server's words can reach the reason (a problem's detail): control characters would forge more lines.
        return string.Concat(reason.Take(MaxReasonLength).Select(c => char.IsControl(c) ? ' ' : c));
    }
}
