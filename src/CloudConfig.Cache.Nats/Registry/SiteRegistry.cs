using CloudConfig.Core;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// The app's side of one site's buckets: it writes registrations and pools, and reads instance records from the
/// instances bucket (written here on a single site, mirrored from the cloud on the on-premises side of a link).
/// Every change is a compare-and-swap on one key, retried on conflict, so concurrent apps and processes never
/// overwrite each other.
/// </summary>
internal sealed partial class SiteRegistry(NatsSite site, PoolQueue queue, TimeProvider time, ILogger logger)
{
    /// <summary>Room left on every message for the headers of a compare-and-swap write.</summary>
    private const int ProtocolHeaderAllowance = 512;

    private readonly EntryCountGuard _count = new(site.Settings.Limits.MaxEntries);

    private ConfigCacheLimits Limits => site.Settings.Limits;

    public async Task<ConfigEntry> PreRegisterAsync(ConfigRegistration registration, CancellationToken cancellationToken)
    {
        ConfigInputValidator.ValidateRegistration(registration, Limits);
        var buckets = await site.GetBucketsAsync(cancellationToken).ConfigureAwait(false);
        var uuid = registration.Uuid;
        var poolToken = registration.DynamicPool is { } pool ? Keys.PoolToken(pool) : null;
        if (poolToken is not null)
        {
            await EnsurePoolAsync(buckets.Pools, poolToken, registration, cancellationToken).ConfigureAwait(false);
        }

        await _count.EnsureRoomAsync(buckets.Entries, cancellationToken).ConfigureAwait(false);
        var record = RegistrationRecord.For(registration, time.GetUtcNow());
        var revision = await buckets.Entries.TryCreateAsync(Keys.Entry(uuid), Encode(record), cancellationToken).ConfigureAwait(false)
            ?? throw new ConfigEntryAlreadyExistsException(uuid);
        _count.Added();
        if (poolToken is not null)
        {
            await QueueAsync(buckets, poolToken, new SlotRecord(uuid, record.Incarnation, revision), cancellationToken).ConfigureAwait(false);
        }

        Log.Registered(logger, uuid, registration.DynamicPool);
        return EntryView.Of(uuid, record, null);
    }

    public async Task<ConfigEntry?> GetAsync(Guid uuid, CancellationToken cancellationToken)
    {
        var buckets = await site.GetBucketsAsync(cancellationToken).ConfigureAwait(false);
        var registration = buckets.Entries.GetAsync(Keys.Entry(uuid), cancellationToken);
        var instance = buckets.Instances.GetAsync(Keys.Entry(uuid), cancellationToken);
        var (registered, instanceRead) = (await registration.ConfigureAwait(false), await instance.ConfigureAwait(false));
        return registered.Exists ? EntryView.Of(uuid, RegistrationRecord.Decode(registered.Value!), DecodeInstance(instanceRead)) : null;
    }

    public async Task<ConfigEntry> UpdateConfigurationAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken)
    {
        ConfigInputValidator.ValidateUuid(uuid);
        ConfigInputValidator.ValidateConfiguration(configuration, Limits);
        var buckets = await site.GetBucketsAsync(cancellationToken).ConfigureAwait(false);
        var key = Keys.Entry(uuid);
        while (true)
        {
            var read = await buckets.Entries.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (!read.Exists)
            {
                throw new ConfigEntryNotFoundException();
            }

            var current = RegistrationRecord.Decode(read.Value!);
            var updated = current with { Configuration = configuration, Generation = current.Generation + 1 };
            if (await buckets.Entries.TryUpdateAsync(key, Encode(updated), read.Revision, cancellationToken).ConfigureAwait(false) is not null)
            {
                Log.ConfigurationUpdated(logger, uuid, updated.Generation);
                var instance = await buckets.Instances.GetAsync(key, cancellationToken).ConfigureAwait(false);
                return EntryView.Of(uuid, updated, DecodeInstance(instance));
            }
        }
    }

    public async Task<bool> RemoveAsync(Guid uuid, CancellationToken cancellationToken)
    {
        var buckets = await site.GetBucketsAsync(cancellationToken).ConfigureAwait(false);
        var key = Keys.Entry(uuid);
        while (true)
        {
            var read = await buckets.Entries.GetAsync(key, cancellationToken).ConfigureAwait(false);
            if (!read.Exists)
            {
                return false;
            }

            if (await buckets.Entries.TryRemoveAsync(key, read.Revision, cancellationToken).ConfigureAwait(false))
            {
                await ForgetInstanceAsync(buckets, uuid, cancellationToken).ConfigureAwait(false);
                Log.Removed(logger, uuid);
                return true;
            }
        }
    }

    private static InstanceRecord? DecodeInstance(KvRead read) => read.Exists ? InstanceRecord.Decode(read.Value!) : null;

    private byte[] Encode(RegistrationRecord record)
    {
        var bytes = record.Encode();
        // The server refuses a message over its max_payload (headers included); say so in the cache's own terms,
        // before sending.
        var room = site.Connection.MaxPayload - ProtocolHeaderAllowance;
        if (bytes.Length > room)
        {
            var overhead = bytes.Length - record.Configuration.Length;
            throw new ConfigurationTooLargeException(record.Configuration.Length, Math.Max(0, room - overhead));
        }

        return bytes;
    }

    private static async Task EnsurePoolAsync(KvBucket pools, string poolToken, ConfigRegistration registration, CancellationToken cancellationToken)
    {
        var key = Keys.Pool(poolToken);
        var read = await pools.GetAsync(key, cancellationToken).ConfigureAwait(false);
        if (!read.Exists)
        {
            var created = new PoolRecord(registration.DynamicPool!, registration.CredentialHash).Encode();
            if (await pools.TryCreateAsync(key, created, cancellationToken).ConfigureAwait(false) is not null)
            {
                return;
            }

            // Another registration created the pool first: its credential is the pool's.
            read = await pools.GetAsync(key, cancellationToken).ConfigureAwait(false);
        }

        if (!PoolRecord.Decode(read.Value!).CredentialHash.Equals(registration.CredentialHash))
        {
            throw new InvalidConfigInputException("credentialHash", "does not match the credential the dynamic pool was created with.");
        }
    }

    private async Task QueueAsync(SiteBuckets buckets, string poolToken, SlotRecord slot, CancellationToken cancellationToken)
    {
        try
        {
            await queue.AppendAsync(buckets.Pools, poolToken, slot, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ConfigCacheUnavailableException or OperationCanceledException)
        {
            // An entry nobody can be assigned is worse than none: take it back (best effort) and report the failure.
            await buckets.Entries.TryRemoveAsync(Keys.Entry(slot.Uuid), slot.RegistrationRevision, CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task ForgetInstanceAsync(SiteBuckets buckets, Guid uuid, CancellationToken cancellationToken)
    {
        // Where a cloud writes the instances bucket, its rendezvous point does this when the removal reaches it.
        if (site.Layout.WritesInstances)
        {
            await InstanceCleanup.RemoveAsync(buckets, uuid, keepIncarnation: null, cancellationToken).ConfigureAwait(false);
        }
    }
}
