namespace CloudConfig.Cache.InMemory;

/// <summary>
/// An entry's place in the stale index: created with the entry, moved on every contact, dropped when the entry
/// goes. Its links and time change only under its shard's lock.
/// </summary>
internal sealed class ContactNode(Guid uuid)
{
    public Guid Uuid { get; } = uuid;

    /// <summary>The entry's last-seen time (creation or last contact).</summary>
    public DateTimeOffset At { get; set; }

    public ContactNode? Older { get; set; }

    public ContactNode? Newer { get; set; }

    public bool IsLinked { get; set; }
}
