using CloudConfig.Core;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

// The fetch an agent makes most (every poll after its first contact) as one plain read and no script. A script costs
// Redis many times a GET's work (its interpreter, the view unpacked into a table), and even a read-only one made a
// fetch 2.6 times a GET; a second command, even one not waited for, costs a GET's client work again, and an MGET of
// two keys cost Redis twice a GET's look-ups and the client an array, a second buffer and a copy. So a claimed entry
// keeps what a fetch answers in one string under a name only its trust key's hash spells (see RedisKeys.Claimed):
// one GET both checks the key and answers, its reply's buffer becomes the configuration without a copy, and the
// contact goes into a batch. First contacts, which consume the boot secret, keep their script.
public sealed partial class RedisConfigCache
{
    /// <summary>
    /// The configuration for a trust key already bound to the entry. An unknown entry, an unclaimed one and another
    /// key are the same work and the same refusal: a read of a key that does not exist.
    /// </summary>
    /// <remarks>
    /// The configuration and the view are one string, so they belong to the same generation (the scripts that change
    /// them write both at once). Comparing hashes is Redis's key look-up here, which is not constant-time;
    /// as with the scripts' comparisons (see <see cref="RedisScripts"/>), what timing could reveal is bytes of a hash,
    /// and a hash is no credential.
    /// </remarks>
    private async Task<InstanceConfiguration> FetchTrustedAsync(Guid uuid, Secret trustKey, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var key = _keys.Claimed(uuid, trustKey.Hash());
        RedisValue read;
        try
        {
            // Awaited here rather than through RunAsync: one state machine per fetch instead of two.
            read = await _connection.StartAsync(key, static (db, key) => db.StringGetAsync(key), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RedisConnection.IsUnavailable(e))
        {
            throw _connection.Unavailable(e);
        }

        if (read.IsNull)
        {
            Log.Refused(_logger, uuid, "fetch");
            throw new ConfigEntryNotFoundException();
        }

        _contacts.Add(uuid, now);
        Log.Fetched(_logger, uuid, false);
        return EntryCodec.ToInstanceConfiguration(uuid, read);
    }
}
