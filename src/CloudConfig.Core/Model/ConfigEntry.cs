using System.Collections.Frozen;

namespace CloudConfig.Core;

/// <summary>
/// One entry of a config cache as the app sees it (the schema's <c>Config</c>). It never holds a secret or a hash.
/// </summary>
public sealed record ConfigEntry
{
    /// <summary>An empty parameter map.</summary>
    public static IReadOnlyDictionary<string, ParameterValue> NoParameters { get; } =
        FrozenDictionary<string, ParameterValue>.Empty;

    /// <summary>The entry's id (the schema's indexed <c>uuid</c>).</summary>
    public required Guid Uuid { get; init; }

    /// <summary>The configuration (the schema's <c>config_xml</c>).</summary>
    public required ConfigurationContent Configuration { get; init; }

    /// <summary>The configuration's generation: 1 when registered, one more at every replacement.</summary>
    public long Generation { get; init; } = 1;

    /// <summary>The domain the entry was registered in.</summary>
    public string Domain { get; init; } = "";

    /// <summary>The address the instance reported (the schema's <c>my_conf_addr</c>).</summary>
    public string? Address { get; init; }

    /// <summary>The instance's reported status.</summary>
    public InstanceStatus Status { get; init; } = InstanceStatus.Registered;

    /// <summary>The parameters the instance reported (the schema's <c>parameter_map</c>).</summary>
    public IReadOnlyDictionary<string, ParameterValue> Parameters { get; init; } = NoParameters;

    /// <summary>The cache addresses this instance may use (the schema's <c>config_hosts</c>).</summary>
    public IReadOnlyList<string> ConfigHosts { get; init; } = [];

    /// <summary>The dynamic pool the entry belongs to, or <see langword="null"/> for an entry bound to a boot string.</summary>
    public string? DynamicPool { get; init; }

    /// <summary>Whether the entry is handed out by <c>assign_dynamic</c> (the schema's <c>dynamic</c>).</summary>
    public bool IsDynamic => DynamicPool is not null;

    /// <summary>Whether an instance has claimed the entry (its boot secret is consumed, or it was assigned).</summary>
    public bool IsClaimed { get; init; }

    /// <summary>How many times a consumed boot secret was presented again by someone without the trust key: an alarm.</summary>
    public int BootSecretReplays { get; init; }

    /// <summary>When the entry was registered.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the instance first made contact.</summary>
    public DateTimeOffset? FirstContactAt { get; init; }

    /// <summary>When the instance was last heard from.</summary>
    public DateTimeOffset? LastContactAt { get; init; }

    /// <summary>The moment staleness is measured from: the last contact, or the registration if there was none.</summary>
    public DateTimeOffset LastSeenAt => LastContactAt ?? CreatedAt;

    /// <summary>Value equality, with the parameter map and hosts compared by content.</summary>
    public bool Equals(ConfigEntry? other) =>
        other is not null
        && Uuid == other.Uuid
        && Configuration.Equals(other.Configuration)
        && Generation == other.Generation
        && Domain == other.Domain
        && Address == other.Address
        && Status == other.Status
        && ParameterMaps.AreEqual(Parameters, other.Parameters)
        && ConfigHosts.SequenceEqual(other.ConfigHosts)
        && DynamicPool == other.DynamicPool
        && IsClaimed == other.IsClaimed
        && BootSecretReplays == other.BootSecretReplays
        && CreatedAt == other.CreatedAt
        && FirstContactAt == other.FirstContactAt
        && LastContactAt == other.LastContactAt;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Uuid, Generation, Status, LastContactAt);
}
