namespace CloudConfig.Cache.Redis;

/// <summary>
/// The fields of an entry's hash. Short names, because every entry repeats them. The credential's hash and the
/// trust key's hash are stored (never a plain secret) and never leave Redis: no view below includes them.
/// </summary>
/// <remarks>
/// The configuration itself lives in a string key of its own next to the hash (see <see cref="RedisKeys"/>): a
/// configuration is usually larger than Redis's compact-hash limit (64-byte values), and one large value would
/// turn the whole hash into a full hash table, costing about 700 bytes more per entry.
/// </remarks>
internal static class EntryFields
{
    public const string ContentType = "t";
    public const string Generation = "g";
    public const string Domain = "d";
    public const string Address = "a";
    public const string Status = "s";
    public const string Parameters = "p";
    public const string ConfigHosts = "h";
    public const string Pool = "pool";
    public const string Claimed = "cl";
    public const string Replays = "r";
    public const string CreatedAt = "ca";
    public const string FirstContactAt = "fc";
    public const string LastContactAt = "lc";
    public const string CredentialHash = "k";
    public const string TrustKeyHash = "tk";

    /// <summary>What the app reads (<see cref="Core.ConfigEntry"/>) besides the configuration, in the order the codec expects.</summary>
    public static readonly string[] EntryView =
    [
        ContentType, Generation, Domain, Address, Status, Parameters, ConfigHosts,
        Pool, Claimed, Replays, CreatedAt, FirstContactAt, LastContactAt,
    ];

    /// <summary>What an instance receives (<see cref="Core.InstanceConfiguration"/>) besides the configuration, in the order the codec expects.</summary>
    public static readonly string[] InstanceView = [ContentType, Generation, Domain, ConfigHosts];
}
