using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory;

/// <summary>
/// One shard of the cache's entries: a dictionary of slots by uuid, and the same slots in a doubly linked list from
/// the least to the most recently seen (the index behind <c>remove_stale</c>), so a contact moves its slot to the end
/// in a few pointer writes and a sweep reads only the slots older than its cutoff. Every member except
/// <see cref="Count"/> must be used under <see cref="Lock"/>.
/// </summary>
/// <remarks>
/// A plain dictionary under the shard's lock rather than a concurrent dictionary: every change to an entry already
/// holds this lock (its contact time and its place in the order change together), so a second, finer lock per
/// dictionary bucket bought nothing, and a plain dictionary keeps no node object per entry. Callers read the clock
/// under the lock before they change a slot's last-seen time, so within a shard list order is last-seen order.
/// </remarks>
internal sealed class EntryShard
{
    private readonly Dictionary<Guid, EntrySlot> _slots = [];
    private EntrySlot? _oldest;
    private EntrySlot? _newest;
    private int _count;

    public Lock Lock { get; } = new();

    /// <summary>How many entries the shard holds; readable without the lock (for statistics only).</summary>
    public int Count => Volatile.Read(ref _count);

    public bool TryGet(Guid uuid, [NotNullWhen(true)] out EntrySlot? slot) => _slots.TryGetValue(uuid, out slot);

    /// <summary>Adds a new slot as the most recently seen, unless its uuid is taken.</summary>
    public bool TryAdd(EntrySlot slot)
    {
        ref var place = ref CollectionsMarshal.GetValueRefOrAddDefault(_slots, slot.Uuid, out var exists);
        if (exists)
        {
            return false;
        }

        place = slot;
        Link(slot);
        Volatile.Write(ref _count, _count + 1);
        return true;
    }

    public bool TryRemove(Guid uuid, [NotNullWhen(true)] out EntrySlot? removed)
    {
        if (!_slots.Remove(uuid, out removed))
        {
            return false;
        }

        Unlink(removed);
        Volatile.Write(ref _count, _count - 1);
        return true;
    }

    /// <summary>The slot was just contacted: it becomes the most recently seen.</summary>
    public void MoveToNewest(EntrySlot slot)
    {
        if (_newest != slot)
        {
            Unlink(slot);
            Link(slot);
        }
    }

    /// <summary>
    /// Removes up to <paramref name="max"/> of the oldest slots last seen before <paramref name="cutoff"/> and adds
    /// them to <paramref name="taken"/>.
    /// </summary>
    public void RemoveOlderThan(DateTimeOffset cutoff, List<EntrySlot> taken, int max)
    {
        while (taken.Count < max && _oldest is { } oldest && oldest.LastSeenTicks < cutoff.UtcTicks)
        {
            TryRemove(oldest.Uuid, out _);
            taken.Add(oldest);
        }
    }

    /// <summary>Adds every entry's public view to <paramref name="entries"/>.</summary>
    public void AddEntriesTo(List<ConfigEntry> entries)
    {
        foreach (var slot in _slots.Values)
        {
            entries.Add(slot.ToEntry());
        }
    }

    private void Link(EntrySlot slot)
    {
        slot.Older = _newest;
        slot.Newer = null;
        if (_newest is null)
        {
            _oldest = slot;
        }
        else
        {
            _newest.Newer = slot;
        }

        _newest = slot;
    }

    private void Unlink(EntrySlot slot)
    {
        if (slot.Older is null)
        {
            _oldest = slot.Newer;
        }
        else
        {
            slot.Older.Newer = slot.Newer;
        }

        if (slot.Newer is null)
        {
            _newest = slot.Older;
        }
        else
        {
            slot.Newer.Older = slot.Older;
        }

        slot.Older = null;
        slot.Newer = null;
    }
}
