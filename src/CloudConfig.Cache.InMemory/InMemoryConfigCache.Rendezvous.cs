using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory;

// The instance side: every path hashes the presented secrets before taking its shard's lock, and answers every
// refusal with the same ConfigEntryNotFoundException.
public sealed partial class InMemoryConfigCache
{
    /// <inheritdoc cref="IConfigRendezvous.FetchAsync" />
    private Task<InstanceConfiguration> FetchCoreAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        cancellationToken.ThrowIfCancellationRequested();
        var bootSecret = credential.BootSecret?.Hash();
        var trustKey = credential.TrustKey.Hash();
        var shard = ShardOf(uuid);
        FetchOutcome outcome;
        Task<InstanceConfiguration>? served = null;
        lock (shard.Lock)
        {
            outcome = shard.TryGet(uuid, out var slot) ? DecideFetch(shard, slot, bootSecret, trustKey) : FetchOutcome.Refused;
            if (outcome == FetchOutcome.Served)
            {
                served = slot!.InstanceView();
            }
        }

        switch (outcome)
        {
            case FetchOutcome.Served:
                Log.Fetched(_logger, uuid, credential.IsFirstContact);
                return served!;
            case FetchOutcome.Replayed:
                Log.BootSecretReplayed(_logger, uuid);
                throw new BootSecretReplayedException();
            default:
                Log.Refused(_logger, uuid, "fetch");
                throw new ConfigEntryNotFoundException();
        }
    }

    /// <inheritdoc cref="IConfigRendezvous.UpdateCacheAsync" />
    private Task UpdateCacheCoreAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trustKey);
        cancellationToken.ThrowIfCancellationRequested();
        ConfigInputValidator.ValidateReport(report, _limits);
        var presented = trustKey.Hash();
        // Copied so the caller cannot change the stored map afterwards.
        IReadOnlyDictionary<string, ParameterValue> parameters = new Dictionary<string, ParameterValue>(report.Parameters, StringComparer.Ordinal).AsReadOnly();
        var shard = ShardOf(uuid);
        var accepted = false;
        lock (shard.Lock)
        {
            if (shard.TryGet(uuid, out var slot) && presented.Equals(slot.TrustKeyHash))
            {
                slot.Report(report.Address, parameters, report.Status, _time.GetUtcNow());
                shard.MoveToNewest(slot);
                accepted = true;
            }
        }

        if (!accepted)
        {
            Log.Refused(_logger, uuid, "update_cache");
            throw new ConfigEntryNotFoundException();
        }

        Log.Reported(_logger, uuid, report.Status.State);
        return Task.CompletedTask;
    }

    /// <inheritdoc cref="IConfigRendezvous.AssignDynamicAsync" />
    private Task<InstanceConfiguration> AssignDynamicCoreAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(poolCredential);
        ArgumentNullException.ThrowIfNull(trustKey);
        cancellationToken.ThrowIfCancellationRequested();
        ConfigInputValidator.ValidatePoolName(pool, _limits);
        if (!_pools.TryGetValue(pool, out var dynamicPool) || !dynamicPool.Credential.Matches(poolCredential))
        {
            Log.PoolRefused(_logger, pool);
            throw new ConfigEntryNotFoundException();
        }

        var trustKeyHash = trustKey.Hash();

        // Retries of one claim that arrive together must not each take an entry: the check for an earlier claim
        // and the recording of a new one happen under the same gate.
        lock (dynamicPool.ClaimGateFor(trustKeyHash))
        {
            return Task.FromResult(TryReturnEarlierClaim(dynamicPool, trustKeyHash) ?? ClaimNext(dynamicPool, pool, trustKeyHash));
        }
    }

    private InstanceConfiguration ClaimNext(DynamicPool dynamicPool, string pool, SecretHash trustKeyHash)
    {
        while (dynamicPool.TryTakeNext(out var uuid))
        {
            var shard = ShardOf(uuid);
            Task<InstanceConfiguration>? claimed = null;
            lock (shard.Lock)
            {
                // Only this caller dequeued the uuid, so only an app-side change can race with the claim.
                if (shard.TryGet(uuid, out var slot) && !slot.IsClaimed)
                {
                    slot.Claim(trustKeyHash, _time.GetUtcNow());
                    shard.MoveToNewest(slot);
                    claimed = slot.InstanceView();
                }
            }

            if (claimed is not null)
            {
                dynamicPool.Claims[trustKeyHash] = uuid;
                Log.Assigned(_logger, uuid, pool);
                return claimed.Result;
            }
        }

        throw new NoDynamicEntryAvailableException(pool);
    }

    private InstanceConfiguration? TryReturnEarlierClaim(DynamicPool pool, SecretHash trustKeyHash)
    {
        if (!pool.Claims.TryGetValue(trustKeyHash, out var uuid))
        {
            return null;
        }

        var shard = ShardOf(uuid);
        lock (shard.Lock)
        {
            if (!shard.TryGet(uuid, out var slot) || !trustKeyHash.Equals(slot.TrustKeyHash))
            {
                return null;
            }

            slot.Touch(_time.GetUtcNow());
            shard.MoveToNewest(slot);
            return slot.InstanceView().Result;
        }
    }

    private FetchOutcome DecideFetch(EntryShard shard, EntrySlot slot, SecretHash? bootSecret, SecretHash trustKey)
    {
        if (bootSecret is null)
        {
            if (!trustKey.Equals(slot.TrustKeyHash))
            {
                return FetchOutcome.Refused;
            }

            slot.Touch(_time.GetUtcNow());
        }
        else if (slot.IsDynamic || !bootSecret.Equals(slot.Credential))
        {
            // A dynamic entry is claimed through its pool only; its pool credential is no boot secret.
            return FetchOutcome.Refused;
        }
        else if (!slot.IsClaimed)
        {
            slot.Claim(trustKey, _time.GetUtcNow());
        }
        else if (trustKey.Equals(slot.TrustKeyHash))
        {
            // The same boot secret and trust key again: the agent's first answer was lost and it is retrying.
            slot.Touch(_time.GetUtcNow());
        }
        else
        {
            slot.CountBootSecretReplay();
            return FetchOutcome.Replayed;
        }

        shard.MoveToNewest(slot);
        return FetchOutcome.Served;
    }

    private enum FetchOutcome
    {
        Refused,
        Served,
        Replayed,
    }
}
