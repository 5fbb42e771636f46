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
