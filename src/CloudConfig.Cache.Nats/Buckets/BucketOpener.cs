using CloudConfig.Core;
using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;
using NATS.Client.KeyValueStore;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// Opens a site's buckets, creating the missing ones as origins or as mirrors of another domain's. It never deletes
/// or recreates a bucket (that would silently desynchronise its mirrors), and refuses to run on a bucket of the
/// wrong kind, since writing to a mirror stores nothing and mirroring an origin would lose its data.
/// </summary>
internal static class BucketOpener
{
    /// <summary>"Every revision": the history limit of a bucket written here and mirrored elsewhere (see <see cref="HistoryCompactor"/>).</summary>
    public const long KeepAllRevisions = 1_000_000_000;

    private const int StreamNotFound = 10059;

    public static async Task<SiteBuckets> OpenAsync(NatsSiteConnection connection, StoreSettings settings, SiteLayout layout, ILogger logger, CancellationToken cancellationToken)
    {
        var names = settings.Names;
        var registrations = BucketRole.For(layout.RegistrationsFrom, layout.PeerDomain);
        var entries = await OpenAsync(connection, settings, names.Entries, registrations, logger, cancellationToken).ConfigureAwait(false);
        var pools = await OpenAsync(connection, settings, names.Pools, registrations, logger, cancellationToken).ConfigureAwait(false);
        var instances = await OpenAsync(connection, settings, names.Instances, BucketRole.For(layout.InstancesFrom, layout.PeerDomain), logger, cancellationToken).ConfigureAwait(false);
        return new SiteBuckets(entries, pools, instances);
    }

    private static async Task<KvBucket> OpenAsync(NatsSiteConnection connection, StoreSettings settings, string bucket, BucketRole role, ILogger logger, CancellationToken cancellationToken)
    {
        var info = await FindAsync(connection, bucket, cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            await CreateAsync(connection, settings, bucket, role, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await EnsureKindAsync(connection, info, bucket, role, cancellationToken).ConfigureAwait(false);
        }

        var store = await connection.RunAsync(ct => connection.KeyValues.GetStoreAsync(bucket, ct), cancellationToken).ConfigureAwait(false);
        return new KvBucket(connection, store, role, logger);
    }

    private static Task<StreamInfo?> FindAsync(NatsSiteConnection connection, string bucket, CancellationToken cancellationToken) =>
        connection.RunAsync<StreamInfo?>(
            async ct =>
            {
                try
                {
                    return (await connection.JetStream.GetStreamAsync(StreamName(bucket), cancellationToken: ct).ConfigureAwait(false)).Info;
                }
                catch (NatsJSApiException e) when (e.Error.ErrCode == StreamNotFound)
                {
                    return null;
                }
            },
            cancellationToken);

    private static async Task CreateAsync(NatsSiteConnection connection, StoreSettings settings, string bucket, BucketRole role, CancellationToken cancellationToken)
    {
        try
        {
            if (role.MirroredBy is not null)
            {
                // The key-value client caps history at 64 revisions; a mirrored bucket needs all of them until compacted.
                var stream = OriginStream(settings, bucket, role.MirroredBy);
                await connection.RunAsync(ct => connection.JetStream.CreateStreamAsync(stream, ct), cancellationToken).ConfigureAwait(false);
                return;
            }

            var config = new NatsKVConfig(bucket)
            {
                History = 1,
                Storage = settings.Storage,
                NumberOfReplicas = settings.Replicas,
                Description = role.MirrorOf is null ? "CloudConfig (written here)" : $"CloudConfig (read-only mirror of domain {role.MirrorOf})",
                Mirror = role.MirrorOf is null ? null : new StreamSource { Name = bucket, External = new ExternalStreamSource { Api = MirrorApi(role.MirrorOf) } },
            };
            await connection.RunAsync(ct => connection.KeyValues.CreateStoreAsync(config, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigCacheException e) when (e.InnerException is NatsJSApiException)
        {
            // Another process created it first (with the same or another configuration): check what is there now.
            var info = await FindAsync(connection, bucket, cancellationToken).ConfigureAwait(false)
                ?? throw new ConfigCacheException($"The NATS server refused to create the bucket {bucket}.");
            await EnsureKindAsync(connection, info, bucket, role, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task EnsureKindAsync(NatsSiteConnection connection, StreamInfo info, string bucket, BucketRole role, CancellationToken cancellationToken)
    {
        var mirror = info.Config.Mirror;
        if (role.MirrorOf is null && mirror is not null)
        {
            throw new ConfigCacheException($"The bucket {bucket} is a mirror on this server, but this site must write it.");
        }

        if (role.MirrorOf is not null && (mirror is null || mirror.External?.Api != MirrorApi(role.MirrorOf)))
        {
            throw new ConfigCacheException($"The bucket {bucket} on this server is not a mirror of domain {role.MirrorOf}'s, which this site must read.");
        }

        if (role.MirroredBy is not null && info.Config.MaxMsgsPerSubject is > 0 and < KeepAllRevisions)
        {
            // A single site's bucket becoming one side of a federation: keep every revision from now on.
            var config = info.Config with { MaxMsgsPerSubject = KeepAllRevisions };
            await connection.RunAsync(ct => connection.JetStream.UpdateStreamAsync(config, ct), cancellationToken).ConfigureAwait(false);
        }
    }

    private static StreamConfig OriginStream(StoreSettings settings, string bucket, string mirroredBy) => new()
    {
        // What the key-value client would create, but with every revision kept.
        Name = StreamName(bucket),
        Description = $"CloudConfig (written here, mirrored by domain {mirroredBy})",
        Subjects = [$"$KV.{bucket}.>"],
        MaxMsgsPerSubject = KeepAllRevisions,
        Storage = settings.Storage == NatsKVStorageType.File ? StreamConfigStorage.File : StreamConfigStorage.Memory,
        NumReplicas = settings.Replicas,
        AllowRollupHdrs = true,
        DenyDelete = true,
        AllowDirect = true,
        Discard = StreamConfigDiscard.New,
        Retention = StreamConfigRetention.Limits,
    };

    private static string StreamName(string bucket) => "KV_" + bucket;

    private static string MirrorApi(string domain) => $"$JS.{domain}.API";
}
