namespace CloudConfig.Core;

// Teardown, the mirror of provisioning: the instance goes first and the entry after it, so that a failure never
// leaves a running machine without the entry that lets the app find and retry it.
public sealed partial class ConfigProvisioner
{
    /// <summary>
    /// Ends what <see cref="ProvisionAsync"/> started for <paramref name="uuid"/>: finds the instance by the name the
    /// provisioner gave it (<see cref="InstanceNameFor"/>; the uuid alone suffices, in any process), terminates it
    /// (stopping it first where the cloud requires), then removes the entry. What is already gone is not an error:
    /// an instance the cloud no longer knows is skipped and the entry removed; an entry already removed still gets
    /// its instance terminated; an unknown uuid returns a result with nothing found.
    /// </summary>
    /// <exception cref="DeprovisioningException">
    /// A step failed. If the lookup failed, nothing was changed; if a terminate failed (or was cancelled), the
    /// instance may still run and the entry was kept; if only the entry's removal failed, the instance is gone and
    /// <see cref="DeprovisioningException.EntryLeftBehind"/> says so. Calling again with the same uuid is always safe.
    /// </exception>
    public async Task<DeprovisionedInstance> DeprovisionAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        using var activity = ProvisioningTelemetry.Start("deprovision", uuid);
        var name = InstanceNameFor(uuid);
        var instances = await FindInstancesAsync(uuid, name, cancellationToken).ConfigureAwait(false);
        var terminated = new List<string>(instances.Count);
        foreach (var instance in instances)
        {
            await TerminateForTeardownAsync(uuid, name, instance.InstanceId, terminated, cancellationToken).ConfigureAwait(false);
            terminated.Add(instance.InstanceId);
        }

        bool removed;
        try
        {
            // The instance is gone: removing its entry is clean-up that a cancellation must not skip.
            removed = await _registry.RemoveAsync(uuid, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.CleanupFailed(_logger, e, uuid, "remove the entry");
            throw new DeprovisioningException(
                $"Removing the entry of {uuid} failed after {Describe(terminated)} terminated; it will expire through remove_stale, or call DeprovisionAsync again.",
                DeprovisioningStage.RemoveEntry,
                uuid,
                e)
            {
                TerminatedInstanceIds = terminated,
                EntryLeftBehind = true,
            };
        }

        Log.Deprovisioned(_logger, uuid, terminated.Count, removed);
        return new DeprovisionedInstance(uuid, terminated, removed);
    }

    private async Task<IReadOnlyList<LaunchedInstance>> FindInstancesAsync(Guid uuid, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await _launcher.FindByNameAsync(name, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.DeprovisionLookupFailed(_logger, e, uuid, name);
            var why = e is OperationCanceledException ? "was cancelled" : "failed";
            throw new DeprovisioningException(
                $"Looking up instance '{name}' for {uuid} {why}; nothing was terminated and the entry was kept.",
                DeprovisioningStage.FindInstance,
                uuid,
                e)
            {
                EntryLeftBehind = true,
            };
        }
    }

    private async Task TerminateForTeardownAsync(Guid uuid, string name, string instanceId, List<string> terminatedSoFar, CancellationToken cancellationToken)
    {
        try
        {
            await _launcher.TerminateAsync(instanceId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            Log.TerminateFailed(_logger, e, instanceId);
            var why = e is OperationCanceledException ? "was cancelled" : "failed";
            throw new DeprovisioningException(
                $"Terminating instance {instanceId} ('{name}') for {uuid} {why}; it may still be running, so its entry was kept. Call DeprovisionAsync({uuid}) again.",
                DeprovisioningStage.Terminate,
                uuid,
                e)
            {
                InstanceId = instanceId,
                TerminatedInstanceIds = [.. terminatedSoFar],
                InstanceStillRunning = true,
                EntryLeftBehind = true,
            };
        }
    }

    private static string Describe(List<string> terminated) =>
        terminated.Count == 0 ? "no instance was found, so none was" : $"instance {string.Join(", ", terminated)} was";
}
