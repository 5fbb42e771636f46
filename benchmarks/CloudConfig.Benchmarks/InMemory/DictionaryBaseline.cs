using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using CloudConfig.Core;

namespace CloudConfig.Benchmarks.InMemory;

/// <summary>
/// The essential work of each cache operation done with a bare <see cref="ConcurrentDictionary{TKey, TValue}"/>:
/// an equivalent record, the same secret hashing and constant-time comparison, and nothing else. What our cache
/// costs beyond this is the price of its rules (validation, claims, the stale index, logging).
/// </summary>
internal sealed class DictionaryBaseline
{
    public ConcurrentDictionary<Guid, Row> Rows { get; } = new();

    public void Insert(Guid uuid, ConfigurationContent configuration, byte[] credentialHash, DateTimeOffset now) =>
        Rows.TryAdd(uuid, new Row(configuration, credentialHash, now, null, ConfigEntry.NoParameters));

    public ConfigurationContent? Fetch(Guid uuid, string trustKey, DateTimeOffset now)
    {
        if (!Rows.TryGetValue(uuid, out var row) || !Matches(row.KeyHash, trustKey))
        {
            return null;
        }

        Rows.TryUpdate(uuid, row with { LastSeen = now }, row);
        return row.Configuration;
    }

    public bool Report(Guid uuid, string trustKey, string address, IReadOnlyDictionary<string, ParameterValue> parameters, DateTimeOffset now)
    {
        if (!Rows.TryGetValue(uuid, out var row) || !Matches(row.KeyHash, trustKey))
        {
            return false;
        }

        return Rows.TryUpdate(uuid, row with { LastSeen = now, Address = address, Parameters = parameters }, row);
    }

    public int RemoveOlderThan(DateTimeOffset cutoff)
    {
        var removed = 0;
        foreach (var (uuid, row) in Rows)
        {
            if (row.LastSeen < cutoff && Rows.TryRemove(uuid, out _))
            {
                removed++;
            }
        }

        return removed;
    }

    public static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static bool Matches(byte[] stored, string presented) =>
        CryptographicOperations.FixedTimeEquals(stored, Hash(presented));

    internal sealed record Row(
        ConfigurationContent Configuration,
        byte[] KeyHash,
        DateTimeOffset LastSeen,
        string? Address,
        IReadOnlyDictionary<string, ParameterValue> Parameters);
}
