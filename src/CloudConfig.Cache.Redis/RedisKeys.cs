using System.Text;
using CloudConfig.Core;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

/// <summary>
/// The key layout of one deployment (one <see cref="RedisConfigCacheOptions.KeyPrefix"/>).
/// </summary>
/// <remarks>
/// <para>
/// An entry is a hash at <c>{prefix:uuid}</c> and its configuration a string at <c>{prefix:uuid}:c</c>; once an
/// instance claims the entry, the configuration moves to <c>{prefix:uuid}:c:hash</c>, where hash is the trust key's
/// hash (never the key), behind the instance's view of the entry (see <see cref="Claimed"/>). The braces
/// are a Redis Cluster hash tag, so every key of one entry always shares a slot. The stale index (<c>prefix:index</c>, a sorted
/// set of uuids scored by last-seen time), the pool credentials (<c>prefix:pools</c>), the pool queues
/// (<c>prefix:pool:name</c>), the dynamic claims by trust key (<c>prefix:claims</c>) and the rendezvous servers'
/// failure budgets (<c>prefix:failures:key</c> and <c>prefix:attempts:key</c>, each expiring) are deployment-wide.
/// </para>
/// <para>
/// The cluster trade-off: each rule is one Lua script that touches an entry and the deployment-wide keys together
/// (registration adds to the index and a pool; <c>assign_dynamic</c> pops a uuid and then claims that entry,
/// whose key it can only know after the pop). Redis Cluster refuses scripts whose keys span slots, so this cache
/// runs on a standalone Redis or a Sentinel-managed primary, not on a sharded cluster. Making it cluster-capable
/// would mean sharding the index and the pools per slot and giving up a single first-come-first-served order.
/// </para>
/// </remarks>
internal sealed class RedisKeys(string prefix)
{
    /// <summary>What follows an entry's key to make its configuration's key (and, claimed, the start of it).</summary>
    public const string ConfigurationSuffix = ":c";

    /// <summary>The length of a uuid as a member (its 32 hex digits).</summary>
    public const int MemberLength = 32;

    // What comes between the uuid and the trust key's hash in a claimed entry's key.
    private static readonly byte[] ConfigurationInfix = Encoding.ASCII.GetBytes("}" + ConfigurationSuffix + ":");

    private readonly byte[] _entryKeyStart = Encoding.UTF8.GetBytes("{" + prefix + ":");

    /// <summary>What an entry key starts with; a script appends the uuid and <c>}</c>.</summary>
    public string EntryKeyStart { get; } = "{" + prefix + ":";

    public RedisKey Index { get; } = prefix + ":index";

    public RedisKey Pools { get; } = prefix + ":pools";

    /// <summary>Which entry each trust key claimed from each pool: field <c>trustKeyHash pool</c>, value the member.</summary>
    public RedisKey Claims { get; } = prefix + ":claims";

    /// <summary>Carries the uuid of every entry whose configuration changed or that was removed.</summary>
    public RedisChannel Changes { get; } = RedisChannel.Literal(prefix + ":changes");

    public RedisKey Entry(Guid uuid) => EntryKeyStart + Member(uuid) + "}";

    public RedisKey Configuration(Guid uuid) => EntryKeyStart + Member(uuid) + "}" + ConfigurationSuffix;

    /// <summary>
    /// A claimed entry's instance view and configuration, in one string under a name that ends with its trust key's
    /// hash: reading it needs that hash, so one GET both checks the trust key and answers (see
    /// <c>RedisConfigCache.FetchTrustedAsync</c>). The string is the view's length in decimal and a line feed, the
    /// view ("generation, content type, domain" one a line, then the encoded hosts), then the configuration's bytes
    /// (see <see cref="EntryCodec.ToInstanceConfiguration(Guid, RedisValue)"/> and the scripts' <c>write_claimed</c>).
    /// </summary>
    /// <remarks>
    /// Every fetch builds this key, so it is written once as the UTF-8 bytes Redis receives (the same bytes as the
    /// scripts' <c>claimed_key</c> spell), with no string along the way.
    /// </remarks>
    public RedisKey Claimed(Guid uuid, SecretHash trustKeyHash)
    {
        // {prefix:uuid}:c: then the hash.
        var key = new byte[_entryKeyStart.Length + MemberLength + ConfigurationInfix.Length + SecretHash.TextLength];
        _entryKeyStart.CopyTo(key, 0);
        uuid.TryFormat(key.AsSpan(_entryKeyStart.Length), out _, "N");
        ConfigurationInfix.CopyTo(key, _entryKeyStart.Length + MemberLength);
        trustKeyHash.TryFormat(key.AsSpan(key.Length - SecretHash.TextLength), out _);
        return key;
    }

    public RedisKey Pool(string name) => prefix + ":pool:" + name;

    /// <summary>The failures of a key of <see cref="RedisFailureBudget"/>; it expires with its window.</summary>
    public RedisKey Failures(string key) => prefix + ":failures:" + key;

    /// <summary>The attempts of a key of <see cref="RedisFailureBudget"/> being checked now.</summary>
    public RedisKey Attempts(string key) => prefix + ":attempts:" + key;

    /// <summary>The uuid as it appears in the index, the pools and the change channel.</summary>
    public static string Member(Guid uuid) => uuid.ToString("N");
}
