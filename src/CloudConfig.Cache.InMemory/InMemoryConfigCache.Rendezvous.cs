using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory;

// The instance side: every path hashes the presented secrets before taking the contact lock, and answers every
// refusal with the same ConfigEntryNotFoundException.
public sealed partial class InMemoryConfigCache
{
    /// <inheritdoc cref="IConfigRendezvous.FetchAsync" />
    private Task<InstanceConfiguration> FetchCoreAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        cancellationToken.ThrowIfCancellationRequested();
        var presented = new PresentedCredential(uuid, credential.BootSecret?.Hash(), credential.TrustKey.Hash());
        // Static, with its state passed in: the hot path allocates no closure.
        var (outcome, served) = _contacts.Record(uuid, (Entries: _entries, Presented: presented), static (state, now) =>
        {
            var (entries, p) = state;
            while (entries.TryGetValue(p.Uuid, out var stored))
            {
                var (next, result) = DecideFetch(stored, p, now);
                if (next is null)
                {
                    return (null, (result, (StoredEntry?)null));
                }

                if (entries.TryUpdate(p.Uuid, next, stored))
                {
                    return (result == FetchOutcome.Served ? next.Contact : null, (result, next));
                }
            }

            return (null, (FetchOutcome.Refused, null));
        });

        switch (outcome)
        {
            case FetchOutcome.Served:
                Log.Fetched(_logger, uuid, credential.IsFirstContact);
                return served!.ToInstanceConfigurationTask();
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
        var change = new ReportChange(uuid, presented, report.Address, parameters, report.Status);
        var accepted = _contacts.Record(uuid, (Entries: _entries, Change: change), static (state, now) =>
        {
            var (entries, c) = state;
            while (entries.TryGetValue(c.Uuid, out var stored) && c.TrustKey.Equals(stored.TrustKeyHash))
            {
                var updated = stored.With(stored.Entry with
                {
                    Address = c.Address,
                    Parameters = c.Parameters,
                    Status = c.Status,
                    LastContactAt = now,
                });
                if (entries.TryUpdate(c.Uuid, updated, stored))
                {
                    return (updated.Contact, true);
                }
            }

            return (null, false);
        });

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
            var claimed = _contacts.Record(uuid, (Entries: _entries, Uuid: uuid, TrustKey: trustKeyHash), static (state, now) =>
            {
                var (entries, uuid, hash) = state;
                // Only this caller dequeued the uuid, so only an app-side change can race with the claim.
                while (entries.TryGetValue(uuid, out var stored) && !stored.Entry.IsClaimed)
                {
                    var next = stored.Claim(hash, now);
                    if (entries.TryUpdate(uuid, next, stored))
                    {
                        return (next.Contact, (StoredEntry?)next);
                    }
                }

                return (null, (StoredEntry?)null);
            });

            if (claimed is not null)
            {
                dynamicPool.Claims[trustKeyHash] = uuid;
                Log.Assigned(_logger, uuid, pool);
                return claimed.ToInstanceConfiguration();
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

        var again = _contacts.Record(uuid, (Entries: _entries, Uuid: uuid, TrustKey: trustKeyHash), static (state, now) =>
        {
            var (entries, uuid, hash) = state;
            while (entries.TryGetValue(uuid, out var stored) && hash.Equals(stored.TrustKeyHash))
            {
                var next = stored.With(stored.Entry with { LastContactAt = now });
                if (entries.TryUpdate(uuid, next, stored))
                {
                    return (next.Contact, (StoredEntry?)next);
                }
            }

            return (null, (StoredEntry?)null);
        });
        return again?.ToInstanceConfiguration();
    }

    private static (StoredEntry? Next, FetchOutcome Outcome) DecideFetch(StoredEntry stored, PresentedCredential presented, DateTimeOffset now)
    {
        var entry = stored.Entry;
        if (presented.BootSecret is null)
        {
            return presented.TrustKey.Equals(stored.TrustKeyHash)
                ? (stored.Touched(now), FetchOutcome.Served)
                : (null, FetchOutcome.Refused);
        }

        // A dynamic entry is claimed through its pool only; its pool credential is no boot secret.
        if (entry.IsDynamic || !presented.BootSecret.Equals(stored.Credential))
        {
            return (null, FetchOutcome.Refused);
        }

        if (!entry.IsClaimed)
        {
            return (stored.Claim(presented.TrustKey, now), FetchOutcome.Served);
        }

        // The same boot secret and trust key again: the agent's first answer was lost and it is retrying.
        if (presented.TrustKey.Equals(stored.TrustKeyHash))
        {
            return (stored.Touched(now), FetchOutcome.Served);
        }

        return (stored.With(entry with { BootSecretReplays = entry.BootSecretReplays + 1 }), FetchOutcome.Replayed);
    }

    private readonly record struct PresentedCredential(Guid Uuid, SecretHash? BootSecret, SecretHash TrustKey);

    private readonly record struct ReportChange(Guid Uuid, SecretHash TrustKey, string? Address, IReadOnlyDictionary<string, ParameterValue> Parameters, InstanceStatus Status);

    private enum FetchOutcome
    {
        Refused,
        Served,
        Replayed,
    }
}
