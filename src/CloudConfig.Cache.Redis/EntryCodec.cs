using System.Globalization;
using CloudConfig.Core;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

/// <summary>Turns an entry into hash fields and the views read back into model types.</summary>
internal static class EntryCodec
{
    private static readonly byte[] RegisteredStatus = EntryValueCodec.EncodeStatus(InstanceStatus.Registered);
    private static readonly byte[] NoParameters = EntryValueCodec.EncodeParameters(ConfigEntry.NoParameters);

    // Nearly every fetch reads the content type and domain of the fetch before it.
    private static readonly RecentText RecentContentType = new();
    private static readonly RecentText RecentDomain = new();

    /// <summary>Stored times: UTC ticks, exact.</summary>
    public static RedisValue Ticks(DateTimeOffset at) => at.UtcTicks;

    /// <summary>
    /// Index scores: microseconds since the Unix epoch, which a double holds exactly until the year 2255 (ticks
    /// would not fit its 53 bits). Staleness is therefore decided to the microsecond.
    /// </summary>
    public static long Score(DateTimeOffset at) => (at.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / TimeSpan.TicksPerMicrosecond;

    /// <summary>The hash's field/value pairs of a new entry, flattened for a script's ARGV.</summary>
    public static IEnumerable<RedisValue> NewEntryFields(ConfigRegistration registration, DateTimeOffset now)
    {
        yield return EntryFields.ContentType;
        yield return registration.Configuration.ContentType;
        yield return EntryFields.Generation;
        yield return 1;
        yield return EntryFields.Domain;
        yield return registration.Domain;
        yield return EntryFields.Status;
        yield return RegisteredStatus;
        yield return EntryFields.Parameters;
        yield return NoParameters;
        yield return EntryFields.ConfigHosts;
        yield return EntryValueCodec.EncodeHosts(registration.ConfigHosts);
        yield return EntryFields.Claimed;
        yield return 0;
        yield return EntryFields.Replays;
        yield return 0;
        yield return EntryFields.CreatedAt;
        yield return Ticks(now);
        yield return EntryFields.CredentialHash;
        yield return registration.CredentialHash.ToString();
        if (registration.DynamicPool is { } pool)
        {
            yield return EntryFields.Pool;
            yield return pool;
        }
    }

    /// <summary>
    /// Reads the configuration, <see cref="EntryFields.EntryView"/> and the entry's index score; null when the entry
    /// does not exist. The last contact is the later of the entry's own field (its last claim or report) and the
    /// score (its last trusted fetch, see <see cref="RedisContactBatch"/>); an entry never contacted has neither.
    /// </summary>
    public static ConfigEntry? ToEntry(Guid uuid, RedisValue[]? view)
    {
        if (view is null || view.Length != EntryFields.EntryView.Length + 2 || view[2].IsNull)
        {
            return null;
        }

        return new ConfigEntry
        {
            Uuid = uuid,
            Configuration = Content(view[0], view[1]),
            Generation = (long)view[2],
            Domain = view[3].IsNull ? "" : (string)view[3]!,
            Address = view[4].IsNull ? null : (string?)view[4],
            Status = view[5].IsNull ? InstanceStatus.Registered : EntryValueCodec.DecodeStatus((byte[])view[5]!),
            Parameters = view[6].IsNull ? ConfigEntry.NoParameters : EntryValueCodec.DecodeParameters((byte[])view[6]!),
            ConfigHosts = EntryValueCodec.DecodeHosts((byte[]?)view[7]),
            DynamicPool = view[8].IsNull ? null : (string?)view[8],
            IsClaimed = view[9] == 1,
            BootSecretReplays = view[10].IsNull ? 0 : (int)view[10],
            CreatedAt = Time(view[11]) ?? default,
            FirstContactAt = Time(view[12]),
            LastContactAt = LastContact(Time(view[13]), view[14]),
        };
    }

    /// <summary>Reads the configuration followed by <see cref="EntryFields.InstanceView"/>, starting at <paramref name="offset"/>.</summary>
    public static InstanceConfiguration ToInstanceConfiguration(Guid uuid, RedisValue[] view, int offset) =>
        ToInstanceConfiguration(uuid, view[offset], view, offset + 1);

    /// <summary>Reads a configuration and <see cref="EntryFields.InstanceView"/> read apart, the view starting at <paramref name="offset"/>.</summary>
    public static InstanceConfiguration ToInstanceConfiguration(Guid uuid, RedisValue configuration, RedisValue[] view, int offset) =>
        new(uuid, Content(configuration, view[offset]), (long)view[offset + 1])
        {
            Domain = view[offset + 2].IsNull ? "" : (string)view[offset + 2]!,
            ConfigHosts = EntryValueCodec.DecodeHosts((byte[]?)view[offset + 3]),
        };

    /// <summary>
    /// Reads a claimed entry's string (see <see cref="RedisKeys.Claimed"/>): the view's length and a line feed, the
    /// view (generation, content type and domain one a line, then the hosts), then the configuration, which keeps
    /// the reply's buffer (a fresh array the client made for this reply alone) instead of a copy.
    /// </summary>
    /// <exception cref="InvalidDataException">The string is not a claimed entry's.</exception>
    public static InstanceConfiguration ToInstanceConfiguration(Guid uuid, RedisValue claimed)
    {
        var value = (ReadOnlyMemory<byte>)claimed;
        var all = value.Span;
        var rest = all;
        if (!int.TryParse(NextLine(ref rest), NumberStyles.None, CultureInfo.InvariantCulture, out var viewLength) || viewLength > rest.Length)
        {
            throw Malformed();
        }

        var configurationStart = all.Length - rest.Length + viewLength;
        rest = rest[..viewLength];
        var generation = long.Parse(NextLine(ref rest), NumberStyles.None, CultureInfo.InvariantCulture);
        var contentType = RecentContentType.Read(NextLine(ref rest));
        var domain = RecentDomain.Read(NextLine(ref rest));
        return new(uuid, ConfigurationContent.UnsafeTakeOwnership(value[configurationStart..], contentType), generation)
        {
            Domain = domain,
            ConfigHosts = EntryValueCodec.DecodeHosts(rest),
        };
    }

    private static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> rest)
    {
        var end = rest.IndexOf((byte)'\n');
        if (end < 0)
        {
            throw Malformed();
        }

        var line = rest[..end];
        rest = rest[(end + 1)..];
        return line;
    }

    private static InvalidDataException Malformed() => new("An entry's view in Redis is malformed.");

    // Copied once, straight from the reply's buffer.
    private static ConfigurationContent Content(RedisValue bytes, RedisValue contentType) =>
        ConfigurationContent.FromBytes(((ReadOnlyMemory<byte>)bytes).Span, (string)contentType!);

    private static DateTimeOffset? LastContact(DateTimeOffset? recorded, RedisValue score)
    {
        if (recorded is not { } at || score.IsNull)
        {
            return recorded;
        }

        var fetched = new DateTimeOffset(DateTimeOffset.UnixEpoch.UtcTicks + ((long)(double)score * TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
        return fetched > at ? fetched : at;
    }

    private static DateTimeOffset? Time(RedisValue ticks) =>
        ticks.IsNull ? null : new DateTimeOffset((long)ticks, TimeSpan.Zero);
}
