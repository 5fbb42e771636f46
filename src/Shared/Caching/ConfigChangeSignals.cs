using System.Collections.Concurrent;

// Shared source: compiled into each package that needs it (see the Compile items in its project), internal to
// each, so no package exposes it and none depends on another for it. Plain comments, not XML docs: one member in two
// packages' documentation files breaks tools that merge them (ASP.NET Core's OpenAPI comments fail on the duplicate).
namespace CloudConfig.Core;

// Wake-up signals for long polls, one per uuid that someone is waiting on right now. A waiter holds a
// Watch for as long as it waits; the last watch released drops the signal, so uuids waited on once
// (or never registered at all) leave nothing behind however long the process runs.
// A building block for IConfigCache implementations: signal a uuid whenever its configuration changes
// or it is removed, and wait with ConfigUpdateWaiter.
internal sealed class ConfigChangeSignals
{
    private readonly ConcurrentDictionary<Guid, Slot> _slots = new();

    // How many uuids have a signal now; for tests that nothing is left behind.
    public int Count => _slots.Count;

    // Starts watching uuid: the returned watch's Changed completes at the
    // next Signal for it. Take it before reading the entry, so a change landing between the read
    // and the wait is not missed. Dispose it when done waiting, however the wait ends.
    public Watch Start(Guid uuid)
    {
        while (true)
        {
            var slot = _slots.GetOrAdd(uuid, static _ => new Slot());
            lock (slot.Lock)
            {
                if (!slot.Retired)
                {
                    slot.Watchers++;
                    return new Watch(this, uuid, slot);
                }
            }

            // Signalled or dropped, and about to leave the map: make sure it has, then take a fresh one.
            _slots.TryRemove(new KeyValuePair<Guid, Slot>(uuid, slot));
        }
    }

    // Wakes everyone watching uuid.
    public void Signal(Guid uuid)
    {
        if (_slots.TryRemove(uuid, out var slot))
        {
            Retire(slot);
        }
    }

    // Wakes every watcher, to re-check its entry.
    public void SignalAll()
    {
        foreach (var uuid in _slots.Keys)
        {
            Signal(uuid);
        }
    }

    private static void Retire(Slot slot)
    {
        lock (slot.Lock)
        {
            slot.Retired = true;
        }

        slot.Changed.TrySetResult();
    }

    private void Release(Guid uuid, Slot slot)
    {
        lock (slot.Lock)
        {
            if (--slot.Watchers > 0 || slot.Retired)
            {
                return;
            }

            slot.Retired = true;
        }

        // Removes this slot only: a newer one for the same uuid stays.
        _slots.TryRemove(new KeyValuePair<Guid, Slot>(uuid, slot));
    }

    // One waiter's interest in one uuid.
    public sealed class Watch : IDisposable
    {
        private readonly ConfigChangeSignals _owner;
        private readonly Guid _uuid;
        private Slot? _slot;

        internal Watch(ConfigChangeSignals owner, Guid uuid, Slot slot)
        {
            _owner = owner;
            _uuid = uuid;
            _slot = slot;
            Changed = slot.Changed.Task;
        }

        // Completes at the next change of the entry (or its removal).
        public Task Changed { get; }

        // Stops watching; the last watch of a uuid drops its signal.
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _slot, null) is { } slot)
            {
                _owner.Release(_uuid, slot);
            }
        }
    }

    // The signal of one uuid and how many watch it.
    internal sealed class Slot
    {
        public Lock Lock { get; } = new();

        public TaskCompletionSource Changed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Watchers { get; set; }

        public bool Retired { get; set; }
    }
}
