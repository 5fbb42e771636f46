using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Protocol;

/// <summary>An entry as the app reads it; never a secret or a hash.</summary>
public sealed record EntryMessage
{
    /// <summary>The id.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>The configuration.</summary>
    public required ConfigurationContent Configuration { get; init; }

    /// <summary>The generation.</summary>
    public required long Generation { get; init; }

    /// <summary>The domain.</summary>
    public string Domain { get; init; } = "";

    /// <summary>The reported address.</summary>
    public string? Address { get; init; }

    /// <summary>The reported status.</summary>
    public required StatusMessage Status { get; init; }

    /// <summary>The reported parameters.</summary>
    public IReadOnlyDictionary<string, ParameterValue> Parameters { get; init; } = ConfigEntry.NoParameters;

    /// <summary>The cache addresses.</summary>
    public IReadOnlyList<string> ConfigHosts { get; init; } = [];

    /// <summary>The dynamic pool, if any.</summary>
    public string? DynamicPool { get; init; }

    /// <summary>Whether an instance claimed the entry.</summary>
    public bool IsClaimed { get; init; }

    /// <summary>How many replays of a consumed boot secret were refused.</summary>
    public int BootSecretReplays { get; init; }

    /// <summary>When the entry was registered.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The first contact.</summary>
    public DateTimeOffset? FirstContactAt { get; init; }

    /// <summary>The last contact.</summary>
    public DateTimeOffset? LastContactAt { get; init; }

    /// <summary>The message for an entry.</summary>
    public static EntryMessage From(ConfigEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new()
        {
            Uuid = entry.Uuid,
            Configuration = entry.Configuration,
            Generation = entry.Generation,
            Domain = entry.Domain,
            Address = entry.Address,
            Status = StatusMessage.From(entry.Status),
            Parameters = entry.Parameters,
            ConfigHosts = entry.ConfigHosts,
            DynamicPool = entry.DynamicPool,
            IsClaimed = entry.IsClaimed,
            BootSecretReplays = entry.BootSecretReplays,
            CreatedAt = entry.CreatedAt,
            FirstContactAt = entry.FirstContactAt,
            LastContactAt = entry.LastContactAt,
        };
    }

    // Source-generated JSON sets init-only members like constructor arguments, so a member missing from the
    // body arrives as null rather than its initializer: the defaults are restored here.
    /// <summary>The entry this message describes.</summary>
    public ConfigEntry ToEntry() => new()
    {
        Uuid = Uuid,
        Configuration = Configuration,
        Generation = Generation,
        Domain = Domain ?? "",
        Address = Address,
        Status = Status.ToStatus(),
        Parameters = Parameters ?? ConfigEntry.NoParameters,
        ConfigHosts = ConfigHosts ?? [],
        DynamicPool = DynamicPool,
        IsClaimed = IsClaimed,
        BootSecretReplays = BootSecretReplays,
        CreatedAt = CreatedAt,
        FirstContactAt = FirstContactAt,
        LastContactAt = LastContactAt,
    };
}
