using System.Diagnostics;
using CloudConfig.Core;

namespace CloudConfig.Agent;

// Applying a configuration and reporting on it.
internal sealed partial class ConfigAgent
{
    private async Task HandleAsync(InstanceConfiguration configuration, CancellationToken cancellationToken)
    {
        if (configuration.Generation == _state.AppliedGeneration && _state.LastStatus is { } last)
        {
            // As Matahari did: a run is recorded under its generation, and a restart reports it instead of re-running.
            Log.AlreadyApplied(_logger, Uuid, configuration.Generation);
            await ReportAsync(last.ToStatus(configuration.Generation), _state.Parameters.ToParameters(), cancellationToken).ConfigureAwait(false);
            return;
        }

        await ApplyAsync(configuration, cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyAsync(InstanceConfiguration configuration, CancellationToken cancellationToken)
    {
        var generation = configuration.Generation;
        Log.Applying(_logger, Uuid, generation, configuration.Configuration.ContentType, configuration.Configuration.Length);
        await ReportAsync(new InstanceStatus(InstanceState.Configuring, AppliedGeneration: generation), _state.Parameters.ToParameters(), cancellationToken).ConfigureAwait(false);

        var result = await RunApplierAsync(configuration, cancellationToken).ConfigureAwait(false);

        var detail = OutputTail.Keep(result.Output ?? "", _options.MaxOutputTailChars);
        var status = new InstanceStatus(
            result.Succeeded ? InstanceState.Configured : InstanceState.Failed,
            result.ExitCode,
            detail.Length == 0 ? null : detail,
            generation);
        var parameters = result.Parameters;
        try
        {
            ConfigInputValidator.ValidateReport(new InstanceReport(status) { Address = _address, Parameters = parameters }, _options.Limits);
        }
        catch (InvalidConfigInputException e)
        {
            // A custom applier's parameters the cache would refuse: report that, rather than stop reporting at all.
            Log.ReportRefusedLocally(_logger, Uuid, generation, e.Field);
            status = new InstanceStatus(InstanceState.Failed, result.ExitCode, OutputTail.Keep("The applier's result cannot be reported: " + e.Message, _options.MaxOutputTailChars), generation);
            parameters = ConfigEntry.NoParameters;
        }

        // Saved before reporting: if the report is lost, a restart re-reports this outcome rather than re-applying.
        await SaveAsync(
            _state with
            {
                AppliedGeneration = generation,
                LastStatus = status.ToStored(),
                Parameters = parameters.ToStored(),
                ConfigHosts = [.. configuration.ConfigHosts],
            },
            cancellationToken).ConfigureAwait(false);
        Log.Applied(_logger, Uuid, generation, status.State, result.ExitCode);
        await ReportAsync(status, parameters, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ConfigurationApplyResult> RunApplierAsync(InstanceConfiguration configuration, CancellationToken cancellationToken)
    {
        var generation = configuration.Generation;
        using var activity = AgentTelemetry.Source.StartActivity("agent apply");
        activity?.SetTag("cloudconfig.entry.uuid", Uuid.ToString("D"));
        activity?.SetTag("cloudconfig.generation", generation);
        var started = _time.GetTimestamp();
        ConfigurationApplyResult result;
        try
        {
            result = await _applier.ApplyAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Log.ApplierThrew(_logger, Uuid, generation, e);
            result = new ConfigurationApplyResult(Succeeded: false, ExitCode: null, $"The applier failed: {e.GetType().Name}: {e.Message}");
        }

        var state = result.Succeeded ? InstanceState.Configured : InstanceState.Failed;
        _telemetry.Applied(_time.GetElapsedTime(started), state, result.ExitCode);
        if (activity is not null)
        {
            activity.SetTag("cloudconfig.instance.state", result.Succeeded ? "configured" : "failed");
            if (result.ExitCode is { } exitCode)
            {
                activity.SetTag("process.exit.code", exitCode);
            }

            if (!result.Succeeded)
            {
                activity.SetStatus(ActivityStatusCode.Error, "The configuration failed to apply.");
            }
        }

        return result;
    }

    private Task<bool> ReportAsync(InstanceStatus status, IReadOnlyDictionary<string, ParameterValue> parameters, CancellationToken cancellationToken)
    {
        var report = new InstanceReport(status) { Address = _address, Parameters = parameters };
        return CallAsync(
            "update_cache",
            async (rendezvous, ct) =>
            {
                await rendezvous.UpdateCacheAsync(Uuid, _trustKey, report, ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }
}
