using System.Collections.Concurrent;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// A dynamic pool's first-come-first-served queue, in two halves with one writer each: the app appends slots
/// (pools bucket; creating slot n is the decision, so concurrent registrations each get their own place), and the
/// rendezvous point hands them out by moving the head (instances bucket; the compare-and-swap of the head from n to
/// n + 1 decides who takes slot n, across every process). Handing out reads the head, one slot and one entry:
/// the same cost with ten entries or a million. Inside one process, callers on one pool take turns, so they do not
/// burn round trips on compare-and-swap conflicts with each other.
/// </summary>
internal sealed class PoolQueue
{
    /// <summary>How many removed entries one hand-out skips at most before it gives up for now.</summary>
    public const int MaxSkipsPerTake = 1000;

    private readonly ConcurrentDictionary<string, SemaphoreSlim> _turns = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _tails = new(StringComparer.Ordinal);

    /// <summary>Appends a slot for a new registration and returns its number.</summary>
    public async Task<long> AppendAsync(KvBucket pools, string poolToken, SlotRecord slot, CancellationToken cancellationToken)
    {
        var turn = _turns.GetOrAdd(poolToken, static _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var tail = await ReadCounterAsync(pools, Keys.Tail(poolToken), cancellationToken).ConfigureAwait(false);
            var next = Math.Max(tail.Value.Next, _tails.GetValueOrDefault(poolToken));
            var value = slot.Encode();
            // Other processes append too: a taken number means "try the next one".
            while (await pools.TryCreateAsync(Keys.Slot(poolToken, next), value, cancellationToken).ConfigureAwait(false) is null)
            {
                next++;
            }

            _tails[poolToken] = next + 1;
            await AdvanceHintAsync(pools, poolToken, tail, next + 1, cancellationToken).ConfigureAwait(false);
            return next;
        }
        finally
        {
            turn.Release();
        }
    }

    /// <summary>
    /// Takes the next slot whose entry is still registered, skipping removed ones; null when the queue is empty, or
    /// when the next entry has not reached this site yet (it will be handed out once it has).
    /// </summary>
    public async Task<TakenSlot?> TakeAsync(SiteBuckets buckets, string poolToken, string pool, CancellationToken cancellationToken)
    {
        var turn = _turns.GetOrAdd(poolToken, static _ => new SemaphoreSlim(1, 1));
        await turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ulong? entriesReached = null;
            for (var skipped = 0; skipped <= MaxSkipsPerTake;)
            {
                var head = await ReadCounterAsync(buckets.Instances, Keys.Head(poolToken), cancellationToken).ConfigureAwait(false);
                var slotRead = await buckets.Pools.GetAsync(Keys.Slot(poolToken, head.Value.Next), cancellationToken).ConfigureAwait(false);
                if (!slotRead.Exists)
                {
                    return null;
                }

                var slot = SlotRecord.Decode(slotRead.Value!);
                var entryRead = await buckets.Entries.GetAsync(Keys.Entry(slot.Uuid), cancellationToken).ConfigureAwait(false);
                var registration = entryRead.Exists ? RegistrationRecord.Decode(entryRead.Value!) : null;
                var current = registration is not null && registration.Incarnation == slot.Incarnation && registration.Pool == pool;
                if (!current && registration is null)
                {
                    entriesReached ??= (await buckets.Entries.GetStateAsync(cancellationToken).ConfigureAwait(false)).LastSequence;
                    if (entriesReached < slot.RegistrationRevision)
                    {
                        return null;
                    }
                }

                if (!await MoveHeadAsync(buckets.Instances, poolToken, head, cancellationToken).ConfigureAwait(false))
                {
                    continue;
                }

                if (current)
                {
                    return new TakenSlot(slot.Uuid, registration!);
                }

                skipped++;
            }

            return null;
        }
        finally
        {
            turn.Release();
        }
    }

    private static async Task<(CounterRecord Value, ulong Revision)> ReadCounterAsync(KvBucket bucket, string key, CancellationToken cancellationToken)
    {
        var read = await bucket.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return (read.Exists ? CounterRecord.Decode(read.Value!) : new CounterRecord(0), read.Exists ? read.Revision : 0);
    }

    private static async Task<bool> MoveHeadAsync(KvBucket instances, string poolToken, (CounterRecord Value, ulong Revision) head, CancellationToken cancellationToken)
    {
        var moved = new CounterRecord(head.Value.Next + 1).Encode();
        var key = Keys.Head(poolToken);
        var revision = head.Revision == 0
            ? await instances.TryCreateAsync(key, moved, cancellationToken).ConfigureAwait(false)
            : await instances.TryUpdateAsync(key, moved, head.Revision, cancellationToken).ConfigureAwait(false);
        return revision is not null;
    }

    private static async Task AdvanceHintAsync(KvBucket pools, string poolToken, (CounterRecord Value, ulong Revision) tail, long next, CancellationToken cancellationToken)
    {
        // Best effort: losing this race means another process moved the hint, which is all the hint is for.
        var hint = new CounterRecord(next).Encode();
        var key = Keys.Tail(poolToken);
        _ = tail.Revision == 0
            ? await pools.TryCreateAsync(key, hint, cancellationToken).ConfigureAwait(false)
            : await pools.TryUpdateAsync(key, hint, tail.Revision, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A slot taken from a pool's queue: the entry it handed out, as registered.</summary>
internal sealed record TakenSlot(Guid Uuid, RegistrationRecord Registration);
