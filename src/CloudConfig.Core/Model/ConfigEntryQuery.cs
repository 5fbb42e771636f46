namespace CloudConfig.Core;

/// <summary>Filters for listing entries; an unset filter matches everything.</summary>
public sealed record ConfigEntryQuery
{
    /// <summary>Only entries of this domain.</summary>
    public string? Domain { get; init; }

    /// <summary>Only entries of this dynamic pool.</summary>
    public string? DynamicPool { get; init; }

    /// <summary>Whether <paramref name="entry"/> passes the filters.</summary>
    public bool Matches(ConfigEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return (Domain is null || string.Equals(Domain, entry.Domain, StringComparison.Ordinal))
            && (DynamicPool is null || string.Equals(DynamicPool, entry.DynamicPool, StringComparison.Ordinal));
    }
}
