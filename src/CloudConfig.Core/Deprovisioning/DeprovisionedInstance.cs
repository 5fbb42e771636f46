namespace CloudConfig.Core;

/// <summary>What <see cref="ConfigProvisioner.DeprovisionAsync"/> ended.</summary>
/// <param name="Uuid">The entry's id.</param>
/// <param name="TerminatedInstanceIds">The instances found under the uuid's name and terminated; empty when the cloud knew none (already gone).</param>
/// <param name="EntryRemoved">Whether an entry was removed; <see langword="false"/> when there was none (already gone).</param>
public sealed record DeprovisionedInstance(Guid Uuid, IReadOnlyList<string> TerminatedInstanceIds, bool EntryRemoved)
{
    /// <summary>Whether anything was there to end: an instance, an entry or both.</summary>
    public bool FoundAnything => TerminatedInstanceIds.Count > 0 || EntryRemoved;
}
