namespace CloudConfig.Core;

/// <summary>
/// The instance's side of a config cache: fetch my configuration, report back, or claim a dynamic entry.
/// Every call names one entry and proves a credential for that entry alone.
/// </summary>
public interface IConfigRendezvous
{
    /// <summary>
    /// Fetches the instance's configuration. On first contact the boot secret is consumed and the instance's
    /// trust key recorded; later fetches present the trust key.
    /// </summary>
    /// <exception cref="ConfigEntryNotFoundException">
    /// No entry matches the uuid and credential. Unknown uuid, wrong secret and a replayed boot secret all get
    /// this same exception, so a caller learns nothing about which entries exist.
    /// </exception>
    Task<InstanceConfiguration> FetchAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default);

    /// <summary>The instance reports its address, parameters and status (<c>update_cache</c>), authenticated by its trust key.</summary>
    /// <exception cref="ConfigEntryNotFoundException">No entry matches the uuid and trust key.</exception>
    /// <exception cref="InvalidConfigInputException">The report is invalid; nothing changed.</exception>
    Task UpdateCacheAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default);

    /// <summary>
    /// Waits until the entry's configuration is newer than <paramref name="knownGeneration"/> and returns it, or
    /// returns <see langword="null"/> when <paramref name="timeout"/> passes first. Authenticated by the trust key;
    /// each call counts as a contact. A newer generation that already exists is returned at once.
    /// </summary>
    /// <exception cref="ConfigEntryNotFoundException">No entry matches the uuid and trust key, or it was removed while waiting.</exception>
    /// <exception cref="InvalidConfigInputException">The timeout is negative.</exception>
    Task<InstanceConfiguration?> WaitForUpdateAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>
    /// Hands the next unclaimed entry of a dynamic pool to the caller, exactly once, first come first served
    /// (<c>assign_dynamic</c>). The entry is bound to <paramref name="trustKey"/> from then on.
    /// </summary>
    /// <exception cref="ConfigEntryNotFoundException">No pool matches the name and credential.</exception>
    /// <exception cref="NoDynamicEntryAvailableException">The pool has no unclaimed entry left.</exception>
    Task<InstanceConfiguration> AssignDynamicAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default);
}
