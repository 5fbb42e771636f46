namespace CloudConfig.Cache.InMemory;

/// <summary>
/// One shard of <see cref="ContactLog"/>: a doubly linked list of nodes from the least to the most recently
/// seen, so moving a node to the end and dropping the oldest are both a few pointer writes. Every member must be
/// used under <see cref="Lock"/>.
/// </summary>
internal sealed class ContactShard
{
    private ContactNode? _newest;
    private int _count;

    public Lock Lock { get; } = new();

    public ContactNode? Oldest { get; private set; }

    /// <summary>How many nodes are linked; readable without the lock (for statistics only).</summary>
    public int Count => Volatile.Read(ref _count);

    public void MoveToEnd(ContactNode node, DateTimeOffset at)
    {
        Unlink(node);
        node.At = at;
        node.Older = _newest;
        node.Newer = null;
        if (_newest is null)
        {
            Oldest = node;
        }
        else
        {
            _newest.Newer = node;
        }

        _newest = node;
        node.IsLinked = true;
        Volatile.Write(ref _count, _count + 1);
    }

    public void Unlink(ContactNode node)
    {
        if (!node.IsLinked)
        {
            return;
        }

        if (node.Older is null)
        {
            Oldest = node.Newer;
        }
        else
        {
            node.Older.Newer = node.Newer;
        }

        if (node.Newer is null)
        {
            _newest = node.Older;
        }
        else
        {
            node.Newer.Older = node.Older;
        }

        node.Older = null;
        node.Newer = null;
        node.IsLinked = false;
        Volatile.Write(ref _count, _count - 1);
    }
}
