namespace CloudConfig.Cache.InMemory;

/// <summary>
/// The index behind <c>remove_stale</c>: one node per entry, kept in order of last contact, so a sweep reads only
/// the entries older than its cutoff and the index never grows with traffic, only with entries. A contact moves its
/// entry's node to the end of the order in place; nothing is allocated per contact.
/// </summary>
/// <remarks>
/// The order is kept per shard (by uuid), each shard with its own lock, so instances contacting different entries
/// rarely meet on a lock and no contact waits for a process-wide one. Callers change an entry's last-seen time only
/// inside <see cref="Record{TState, TResult}"/>, under its shard's lock, which reads the clock and moves the node:
/// within a shard, node order is last-seen order and every node carries its entry's last-seen time.
/// </remarks>
/// <param name="time">The cache's clock.</param>
internal sealed class ContactLog(TimeProvider time)
{
    // A power of two, so a shard is picked with a mask; a few times the cores of any machine this runs on.
    private const int ShardCount = 64;

    private readonly ContactShard[] _shards = [.. Enumerable.Range(0, ShardCount).Select(_ => new ContactShard())];

    /// <summary>How many nodes the index holds: one per entry.</summary>
    public int Count => _shards.Sum(shard => shard.Count);

    /// <summary>The number of shards a sweep walks through.</summary>
    public static int Shards => ShardCount;

    /// <summary>
    /// Reads the clock and lets <paramref name="change"/> apply it to the entry; if the change returns the node of the
    /// entry it contacted (or created), that node moves to the end. The change runs under the shard's lock: keep it
    /// short, and make it static with its inputs in <paramref name="state"/> so the hot paths allocate no closure.
    /// </summary>
    public TResult Record<TState, TResult>(Guid uuid, TState state, Func<TState, DateTimeOffset, (ContactNode? Contacted, TResult Result)> change)
    {
        var shard = ShardOf(uuid);
        lock (shard.Lock)
        {
            var now = time.GetUtcNow();
            var (contacted, result) = change(state, now);
            // Registrations of this uuid take this lock too, so the node is the one of the entry the change swapped in.
            // An app-side removal may take that entry before this line: its Forget waits for this lock and unlinks the node.
            if (contacted is not null)
            {
                shard.MoveToEnd(contacted, now);
            }

            return result;
        }
    }

    /// <summary>Drops a removed entry's node; a node already dropped is left alone.</summary>
    public void Forget(ContactNode node)
    {
        var shard = ShardOf(node.Uuid);
        lock (shard.Lock)
        {
            shard.Unlink(node);
        }
    }

    /// <summary>
    /// Drops up to <paramref name="max"/> of the oldest nodes of one shard that are older than
    /// <paramref name="cutoff"/>, and adds their uuids to <paramref name="taken"/>. A contact after this puts the
    /// node back.
    /// </summary>
    public void TakeOlderThan(int shardIndex, DateTimeOffset cutoff, List<Guid> taken, int max)
    {
        var shard = _shards[shardIndex];
        lock (shard.Lock)
        {
            while (taken.Count < max && shard.Oldest is { } oldest && oldest.At < cutoff)
            {
                shard.Unlink(oldest);
                taken.Add(oldest.Uuid);
            }
        }
    }

    private ContactShard ShardOf(Guid uuid) => _shards[uuid.GetHashCode() & (ShardCount - 1)];
}
