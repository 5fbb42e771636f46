using CloudConfig.Core;

namespace CloudConfig.Rendezvous;

/// <summary>
/// Pages a listing by uuid order, keeping only the page in memory: the caches list in no particular order, so
/// each page is the <c>limit</c> smallest uuids after the cursor.
/// </summary>
internal static class EntryPager
{
    public static async Task<(IReadOnlyList<ConfigEntry> Items, bool HasMore)> ReadPageAsync(IAsyncEnumerable<ConfigEntry> entries, Guid? after, int limit)
    {
        // A max-heap of the page so far: the largest uuid is the one to drop when a smaller one arrives.
        var page = new PriorityQueue<ConfigEntry, Guid>(limit + 1, Comparer<Guid>.Create((a, b) => b.CompareTo(a)));
        var hasMore = false;
        await foreach (var entry in entries.ConfigureAwait(false))
        {
            if (after is { } cursor && entry.Uuid.CompareTo(cursor) <= 0)
            {
                continue;
            }

            page.Enqueue(entry, entry.Uuid);
            if (page.Count > limit)
            {
                page.Dequeue();
                hasMore = true;
            }
        }

        var items = new ConfigEntry[page.Count];
        for (var i = items.Length - 1; i >= 0; i--)
        {
            items[i] = page.Dequeue();
        }

        return (items, hasMore);
    }
}
