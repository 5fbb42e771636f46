using CloudConfig.Core;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

// The instance side: the client hashes every presented secret (plain secrets never reach Redis, not even as
// script arguments in its append-only file) and the scripts decide; every refusal is the same ConfigEntryNotFoundException.
public sealed partial class RedisConfigCache
{
    /// <inheritdoc cref="IConfigRendezvous.FetchAsync" />
    private Task<InstanceConfiguration> FetchCoreAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        return credential.BootSecret is null
            ? FetchTrustedAsync(uuid, credential.TrustKey, cancellationToken)
            : FetchFirstContactAsync(uuid, credential, cancellationToken);
    }

    private async Task<InstanceConfiguration> FetchFirstContactAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        RedisValue[] args =
        [
            RedisKeys.Member(uuid), credential.BootSecret!.Hash().ToString(), credential.TrustKey.Hash().ToString(),
            EntryCodec.Ticks(now), EntryCodec.Score(now),
        ];
        var reply = (RedisValue[])(await EvaluateAsync(RedisScripts.Fetch, [_keys.Entry(uuid), _keys.Index], args, cancellationToken).ConfigureAwait(false))!;
        switch ((string?)reply[0])
        {
            case "served":
                Log.Fetched(_logger, uuid, credential.IsFirstContact);
                return EntryCodec.ToInstanceConfiguration(uuid, reply, 1);
            case "replayed":
                Log.BootSecretReplayed(_logger, uuid);
                throw new BootSecretReplayedException();
            default:
                Log.Refused(_logger, uuid, "fetch");
                throw new ConfigEntryNotFoundException();
        }
    }

    /// <inheritdoc cref="IConfigRendezvous.UpdateCacheAsync" />
    private async Task UpdateCacheCoreAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trustKey);
        ConfigInputValidator.ValidateReport(report, _limits);
        var now = _time.GetUtcNow();
        RedisValue[] args =
        [
            RedisKeys.Member(uuid), trustKey.Hash().ToString(), EntryCodec.Ticks(now), EntryCodec.Score(now),
            report.Address ?? "", EntryValueCodec.EncodeStatus(report.Status), EntryValueCodec.EncodeParameters(report.Parameters),
        ];
        var accepted = (long)await EvaluateAsync(RedisScripts.UpdateCache, [_keys.Entry(uuid), _keys.Index], args, cancellationToken).ConfigureAwait(false) == 1;
        if (!accepted)
        {
            Log.Refused(_logger, uuid, "update_cache");
            throw new ConfigEntryNotFoundException();
        }

        Log.Reported(_logger, uuid, report.Status.State);
    }

    /// <inheritdoc cref="IConfigRendezvous.AssignDynamicAsync" />
    private async Task<InstanceConfiguration> AssignDynamicCoreAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(poolCredential);
        ArgumentNullException.ThrowIfNull(trustKey);
        ConfigInputValidator.ValidatePoolName(pool, _limits);
        var now = _time.GetUtcNow();
        RedisValue[] args =
        [
            pool, poolCredential.Hash().ToString(), trustKey.Hash().ToString(), EntryCodec.Ticks(now), EntryCodec.Score(now),
            _keys.EntryKeyStart,
        ];
        RedisKey[] keys = [_keys.Pools, _keys.Pool(pool), _keys.Index, _keys.Claims];
        RedisValue[] reply;
        do
        {
            reply = (RedisValue[])(await EvaluateAsync(RedisScripts.AssignDynamic, keys, args, cancellationToken).ConfigureAwait(false))!;
        }
        while ((string?)reply[0] == "again");

        switch ((string?)reply[0])
        {
            case "served":
                var uuid = Guid.ParseExact((string)reply[1]!, "N");
                Log.Assigned(_logger, uuid, pool);
                return EntryCodec.ToInstanceConfiguration(uuid, reply, 2);
            case "empty":
                throw new NoDynamicEntryAvailableException(pool);
            default:
                Log.PoolRefused(_logger, pool);
                throw new ConfigEntryNotFoundException();
        }
    }
}
