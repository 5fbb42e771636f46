using System.Runtime.CompilerServices;

namespace CloudConfig.Core;

// Waiting on instances: the app side has no push channel, so these read the entry every StatusPollInterval.
public sealed partial class ConfigProvisioner
{
    /// <summary>
    /// Waits until the instance reports its current configuration applied, and returns the entry with its
    /// reported address, parameters and status.
    /// </summary>
    /// <exception cref="ConfigurationFailedException">The instance reported that applying the configuration failed.</exception>
    /// <exception cref="ConfigurationTimeoutException">No finished status was reported within <paramref name="timeout"/>.</exception>
    /// <exception cref="ConfigEntryNotFoundException">The entry does not exist (any more).</exception>
    public Task<ConfigEntry> WaitUntilConfiguredAsync(Guid uuid, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForGenerationAsync(uuid, null, timeout, cancellationToken);

    /// <summary>
    /// Pushes a new configuration to a running instance (its generation goes up by one). With
    /// <paramref name="waitTimeout"/>, also waits until the instance reports having applied it.
    /// </summary>
    /// <exception cref="ConfigEntryNotFoundException">The entry does not exist.</exception>
    /// <exception cref="ConfigurationFailedException">The instance failed to apply the new configuration.</exception>
    /// <exception cref="ConfigurationTimeoutException">It did not report within <paramref name="waitTimeout"/>.</exception>
    public async Task<ConfigEntry> UpdateConfigurationAsync(Guid uuid, ConfigurationContent configuration, TimeSpan? waitTimeout = null, CancellationToken cancellationToken = default)
    {
        using var activity = ProvisioningTelemetry.Start("update_configuration", uuid);
        var updated = await _registry.UpdateConfigurationAsync(uuid, configuration, cancellationToken).ConfigureAwait(false);
        activity?.SetTag("cloudconfig.generation", updated.Generation);
        Log.ConfigurationPushed(_logger, uuid, updated.Generation);
        return waitTimeout is { } timeout
            ? await WaitForGenerationAsync(uuid, updated.Generation, timeout, cancellationToken).ConfigureAwait(false)
            : updated;
    }

    /// <summary>
    /// Yields the entry each time its reported status, address or parameters change, starting with its current
    /// state; ends when the entry is removed or the token is cancelled.
    /// </summary>
    public async IAsyncEnumerable<ConfigEntry> WatchAsync(Guid uuid, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ConfigEntry? previous = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var entry = await _registry.GetAsync(uuid, cancellationToken).ConfigureAwait(false);
            if (entry is null)
            {
                yield break;
            }

            if (previous is null || HasInstanceChanged(previous, entry))
            {
                previous = entry;
                yield return entry;
            }

            await Task.Delay(_options.StatusPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<ConfigEntry> WaitForGenerationAsync(Guid uuid, long? generation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var activity = ProvisioningTelemetry.Start(generation is null ? "wait_until_configured" : "wait_for_generation", uuid);
        try
        {
            var entry = await PollForGenerationAsync(uuid, generation, timeout, cancellationToken).ConfigureAwait(false);
            if (generation is null)
            {
                _telemetry.Configured(entry);
            }

            return entry;
        }
        catch (Exception e)
        {
            CloudConfigTelemetry.RecordFailure(activity, e);
            throw;
        }
    }

    private async Task<ConfigEntry> PollForGenerationAsync(Guid uuid, long? generation, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + timeout;
        while (true)
        {
            var entry = await _registry.GetAsync(uuid, cancellationToken).ConfigureAwait(false) ?? throw new ConfigEntryNotFoundException();
            generation ??= entry.Generation;
            var status = entry.Status;
            // An agent that does not say which generation it applied is taken at its word.
            var current = status.AppliedGeneration is null || status.AppliedGeneration >= generation;
            if (current && status.State == InstanceState.Configured)
            {
                return entry;
            }

            if (current && status.State == InstanceState.Failed)
            {
                throw new ConfigurationFailedException(entry);
            }

            var remaining = deadline - _time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                throw new ConfigurationTimeoutException(uuid, timeout, entry);
            }

            var pause = remaining < _options.StatusPollInterval ? remaining : _options.StatusPollInterval;
            await Task.Delay(pause, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    private static bool HasInstanceChanged(ConfigEntry before, ConfigEntry after) =>
        before.Status != after.Status
        || before.Address != after.Address
        || before.IsClaimed != after.IsClaimed
        || before.Generation != after.Generation
        || !ParameterMaps.AreEqual(before.Parameters, after.Parameters);
}
