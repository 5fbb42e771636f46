using CloudConfig.Core;
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
    private const int StreamNotFound = 10059;

    public static async Task<SiteBuckets> OpenAsync(NatsSiteConnection connection, StoreSettings settings, SiteLayout layout, CancellationToken cancellationToken)
    {
        var names = settings.Names;
        var entries = await OpenAsync(connection, settings, names.Entries, layout.RegistrationsFrom, cancellationToken).ConfigureAwait(false);
        var pools = await OpenAsync(connection, settings, names.Pools, layout.RegistrationsFrom, cancellationToken).ConfigureAwait(false);
        var instances = await OpenAsync(connection, settings, names.Instances, layout.InstancesFrom, cancellationToken).ConfigureAwait(false);
        return new SiteBuckets(entries, pools, instances);
    }

    private static async Task<KvBucket> OpenAsync(NatsSiteConnection connection, StoreSettings settings, string bucket, string? mirrorOf, CancellationToken cancellationToken)
    {
        var info = await FindAsync(connection, bucket, cancellationToken).ConfigureAwait(false);
        if (info is null)
        {
            await CreateAsync(connection, settings, bucket, mirrorOf, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            EnsureKind(info, bucket, mirrorOf);
        }

        var store = await connection.RunAsync(ct => connection.KeyValues.GetStoreAsync(bucket, ct), cancellationToken).ConfigureAwait(false);
        return new KvBucket(connection, store, isMirror: mirrorOf is not null);
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

    private static async Task CreateAsync(NatsSiteConnection connection, StoreSettings settings, string bucket, string? mirrorOf, CancellationToken cancellationToken)
    {
        var config = new NatsKVConfig(bucket)
        {
            History = 1,
            Storage = settings.Storage,
            NumberOfReplicas = settings.Replicas,
            Description = mirrorOf is null ? "CloudConfig (written here)" : $"CloudConfig (read-only mirror of domain {mirrorOf})",
            Mirror = mirrorOf is null ? null : new StreamSource { Name = bucket, External = new ExternalStreamSource { Api = MirrorApi(mirrorOf) } },
        };
        try
        {
            await connection.RunAsync(ct => connection.KeyValues.CreateStoreAsync(config, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (NatsJSApiException)
        {
            // Another process created it first (with the same or another configuration): check what is there now.
            var info = await FindAsync(connection, bucket, cancellationToken).ConfigureAwait(false)
                ?? throw new ConfigCacheException($"The NATS server refused to create the bucket {bucket}.");
            EnsureKind(info, bucket, mirrorOf);
        }
    }

    private static void EnsureKind(StreamInfo info, string bucket, string? mirrorOf)
    {
        var mirror = info.Config.Mirror;
        if (mirrorOf is null && mirror is not null)
        {
            throw new ConfigCacheException($"The bucket {bucket} is a mirror on this server, but this site must write it.");
        }

        if (mirrorOf is not null && (mirror is null || mirror.External?.Api != MirrorApi(mirrorOf)))
        {
            throw new ConfigCacheException($"The bucket {bucket} on this server is not a mirror of domain {mirrorOf}'s, which this site must read.");
        }
    }

    private static string StreamName(string bucket) => "KV_" + bucket;

    private static string MirrorApi(string domain) => $"$JS.{domain}.API";
}
