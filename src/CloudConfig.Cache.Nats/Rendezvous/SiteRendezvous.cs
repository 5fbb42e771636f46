using CloudConfig.Core;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// The instances' side of one site's buckets: it reads registrations and pools (written here on a single site,
/// mirrored from on premises at a cloud site) and writes instance records. Every rule is a compare-and-swap on one
/// instance record (create only for the claim, update at the revision read for everything after), retried on
/// conflict, so it holds across any number of rendezvous processes. Every refusal is the same
/// <see cref="ConfigEntryNotFoundException"/>, and at a cloud site only once its mirrors are current. A trusted
/// fetch shortly after this process recorded the same instance's contact reads the registration only (see
/// <see cref="TrustBindings"/>).
/// </summary>
internal sealed partial class SiteRendezvous(NatsSite site, PoolQueue queue, TrustBindings bindings, TimeProvider time, ILogger logger)
{
    private readonly MirrorFreshness _freshness = new(site.Settings.MirrorStaleAfter);
    private readonly DecodedRegistrations _decoded = new();

    public async Task<InstanceConfiguration> FetchAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var presentedBoot = credential.BootSecret?.Hash();
        var presentedTrust = credential.TrustKey.Hash();
        var buckets = await site.GetBucketsAsync(cancellationToken).ConfigureAwait(false);
        var registration = await ReadRegistrationAsync(buckets, uuid, cancellationToken).ConfigureAwait(false);
        if (registration is null)
        {
            return await RefuseAsync<InstanceConfiguration>(buckets, uuid, "fetch", entryGone: true, cancellationToken).ConfigureAwait(false);
        }

        if (presentedBoot is null && bindings.CoversContact(uuid, registration, presentedTrust, time.GetUtcNow()))
        {
            Log.Fetched(logger, uuid, firstContact: false);
            return registration.ToInstanceConfiguration(uuid);
        }

        var key = Keys.Entry(uuid);
        while (true)
        {
            var read = await buckets.Instances.GetAsync(key, cancellationToken).ConfigureAwait(false);
            var stored = read.Exists ? InstanceRecord.Decode(read.Value!) : null;
            var instance = EntryView.Belongs(registration, stored) ? stored : null;
            var now = time.GetUtcNow();
            var (next, outcome) = DecideFetch(registration, instance, presentedBoot, presentedTrust, now);
            if (next is null)
            {
                return await RefuseAsync<InstanceConfiguration>(buckets, uuid, "fetch", entryGone: false, cancellationToken).ConfigureAwait(false);
            }

            // A record left by an earlier registration of this uuid is replaced, at the revision it was read at.
            var written = read.Exists
                ? await buckets.Instances.TryUpdateAsync(key, next.Encode(), read.Revision, cancellationToken).ConfigureAwait(false)
                : await buckets.Instances.TryCreateAsync(key, next.Encode(), cancellationToken).ConfigureAwait(false);
            if (written is null)
            {
                continue;
            }

            if (outcome == FetchOutcome.Replayed)
            {
                Log.BootSecretReplayed(logger, uuid);
                return await RefuseAsync<InstanceConfiguration>(buckets, uuid, "fetch", entryGone: false, cancellationToken).ConfigureAwait(false);
            }

            bindings.Remember(uuid, next);
            Log.Fetched(logger, uuid, credential.IsFirstContact);
            return registration.ToInstanceConfiguration(uuid);
        }
    }

    public async Task UpdateCacheAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(trustKey);
        ConfigInputValidator.ValidateReport(report, site.Settings.Limits);
        var presented = trustKey.Hash();
        // Copied so the caller cannot change what is stored afterwards.
        IReadOnlyDictionary<string, ParameterValue> parameters = new Dictionary<string, ParameterValue>(report.Parameters, StringComparer.Ordinal).AsReadOnly();
        var buckets = await site.GetBucketsAsync(cancellationToken).ConfigureAwait(false);
        var registration = await ReadRegistrationAsync(buckets, uuid, cancellationToken).ConfigureAwait(false);
        var key = Keys.Entry(uuid);
        while (registration is not null)
        {
            var read = await buckets.Instances.GetAsync(key, cancellationToken).ConfigureAwait(false);
            var instance = read.Exists ? InstanceRecord.Decode(read.Value!) : null;
            if (!EntryView.Belongs(registration, instance) || !presented.Equals(instance.TrustKeyHash))
            {
                break;
            }

            var updated = instance.Contacted(time.GetUtcNow()) with { Address = report.Address, Status = report.Status, Parameters = parameters };
            if (await buckets.Instances.TryUpdateAsync(key, updated.Encode(), read.Revision, cancellationToken).ConfigureAwait(false) is not null)
            {
                bindings.Remember(uuid, updated);
                Log.Reported(logger, uuid, report.Status.State);
                return;
            }
        }

        await RefuseAsync<bool>(buckets, uuid, "update_cache", entryGone: registration is null, cancellationToken).ConfigureAwait(false);
    }

    private static (InstanceRecord? Next, FetchOutcome Outcome) DecideFetch(
        RegistrationRecord registration, InstanceRecord? instance, SecretHash? presentedBoot, SecretHash presentedTrust, DateTimeOffset now)
    {
        if (presentedBoot is null)
        {
            return instance is not null && presentedTrust.Equals(instance.TrustKeyHash)
                ? (instance.Contacted(now), FetchOutcome.Served)
                : (null, FetchOutcome.Refused);
        }

        // A dynamic entry is claimed through its pool only; its pool credential is no boot secret.
        if (registration.Pool is not null || !presentedBoot.Equals(registration.CredentialHash))
        {
            return (null, FetchOutcome.Refused);
        }

        if (instance is null)
        {
            return (InstanceRecord.Claimed(registration.Incarnation, presentedTrust, null, now), FetchOutcome.Served);
        }

        // The same boot secret and trust key again: the agent's first answer was lost and it is retrying.
        return presentedTrust.Equals(instance.TrustKeyHash)
            ? (instance.Contacted(now), FetchOutcome.Served)
            : (instance with { BootSecretReplays = instance.BootSecretReplays + 1 }, FetchOutcome.Replayed);
    }

    private async Task<RegistrationRecord?> ReadRegistrationAsync(SiteBuckets buckets, Guid uuid, CancellationToken cancellationToken)
    {
        var read = await buckets.Entries.GetAsync(Keys.Entry(uuid), cancellationToken).ConfigureAwait(false);
        return read.Exists ? _decoded.Decode(uuid, read) : null;
    }

    /// <summary>
    /// Refuses with the one indistinguishable answer, once this site knows it is not just behind. An instance
    /// record whose entry is gone is removed on the way: its agent keeps calling until told so.
    /// </summary>
    private async Task<T> RefuseAsync<T>(SiteBuckets buckets, Guid uuid, string operation, bool entryGone, CancellationToken cancellationToken)
    {
        // Read again either way, so that both refusals cost the same.
        await _freshness.EnsureCurrentAsync(
            buckets,
            async ct => await ReadRegistrationAsync(buckets, uuid, ct).ConfigureAwait(false) is not null && entryGone,
            cancellationToken).ConfigureAwait(false);
        if (entryGone)
        {
            await InstanceCleanup.RemoveAsync(buckets, uuid, keepIncarnation: null, cancellationToken).ConfigureAwait(false);
        }

        Log.Refused(logger, uuid, operation);
        throw new ConfigEntryNotFoundException();
    }

    private enum FetchOutcome
    {
        Refused,
        Served,
        Replayed,
    }
}
