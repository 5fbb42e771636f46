using CloudConfig.Core;

namespace CloudConfig.Agent;

// What a valid rendezvous point could send, and what the agent does with anything else: refuse it, apply nothing,
// and say why to the rendezvous point as a failed status where it can.
internal sealed partial class ConfigAgent
{
    private void Check(InstanceConfiguration configuration, long minimumGeneration)
    {
        if (configuration.Uuid != Uuid)
        {
            throw new ConfigurationRefusedException($"a configuration for entry {configuration.Uuid}, not for this instance's entry {Uuid}.");
        }

        if (configuration.Generation < 1)
        {
            throw new ConfigurationRefusedException($"generation {configuration.Generation}; generations start at 1.");
        }

        if (configuration.Generation < minimumGeneration)
        {
            throw new ConfigurationRefusedException(
                $"generation {configuration.Generation}, older than generation {minimumGeneration} (generation {_state.AppliedGeneration} is already applied); generations only go forward.");
        }

        if (configuration.Configuration.Length > _options.Limits.MaxConfigurationBytes)
        {
            throw new ConfigurationRefusedException(
                $"generation {configuration.Generation} is {configuration.Configuration.Length} bytes, over the limit of {_options.Limits.MaxConfigurationBytes} bytes.",
                configuration.Generation);
        }
    }

    /// <summary>Reports a refusal as a failed status, one round over the endpoints at most: the agent is stopping.</summary>
    private async Task ReportRefusalAsync(ConfigurationRefusedException refusal, CancellationToken cancellationToken)
    {
        if (_state is not { Claimed: true, Uuid: { } uuid } || uuid == Guid.Empty)
        {
            Log.RefusalNotReported(_logger, "no entry of this instance's is known yet");
            return;
        }

        var detail = OutputTail.Keep("cloudconfig-agent refused what the rendezvous point sent: " + refusal.Reason, _options.MaxOutputTailChars);
        var report = new InstanceReport(new InstanceStatus(InstanceState.Failed, ExitCode: null, detail, refusal.Generation is >= 1 ? refusal.Generation : null))
        {
            Address = _address,
            Parameters = _state.Parameters.ToParameters(),
        };
        try
        {
            await CallAsync(
                "update_cache",
                async (rendezvous, ct) =>
                {
                    await rendezvous.UpdateCacheAsync(uuid, _trustKey, report, ct).ConfigureAwait(false);
                    return true;
                },
                maxRounds: 1,
                cancellationToken).ConfigureAwait(false);
            Log.RefusalReported(_logger, uuid);
        }
        catch (Exception e) when (e is ConfigAgentException || IsTransient(e, cancellationToken))
        {
            Log.RefusalNotReported(_logger, e.GetType().Name);
        }
    }

    /// <summary>Blanks the agent's credentials in its own environment, so the processes it starts cannot read them there.</summary>
    private void HideCredentials()
    {
        foreach (var variable in new[] { _options.BootStringEnvironmentVariable, ConfigAgentOptions.PoolCredentialEnvironmentVariable })
        {
            if (!string.IsNullOrEmpty(variable))
            {
                var present = Environment.GetEnvironmentVariable(variable) is not null;
                if (!ProcessSecretScrubber.HideEnvironmentVariable(variable) && present)
                {
                    // Set after start (so never in /proc), or /proc/self/mem is not writable here: say so, the command may see it.
                    Log.CredentialNotBlanked(_logger, variable);
                }
            }
        }
    }

    /// <summary>Ends a configuration run an earlier agent left behind (it was killed mid-apply), and removes its files.</summary>
    private async Task EndLeftoverRunAsync()
    {
        var ledger = new RunLedger(_options.StateDirectory);
        if (ledger.Read() is { } leftover)
        {
            Log.EndingLeftoverRun(_logger, leftover.Generation, leftover.Pid);
            if (!await RunTermination.EndAsync(leftover, CancellationToken.None).ConfigureAwait(false))
            {
                throw new ConfigAgentException(
                    $"A configuration run of generation {leftover.Generation} left by an earlier agent (process group {leftover.ProcessGroup}) could not be ended; the agent stopped rather than start another run beside it.");
            }
        }

        ledger.RemoveLeftoverFiles();
    }
}
