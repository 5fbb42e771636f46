using CloudConfig.Benchmarks.Quick;
using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace CloudConfig.Benchmarks.InMemory;

/// <summary>What instance traffic costs the in-memory cache: memory kept per contact, and fetches and reports from two threads at once.</summary>
internal static class InMemoryContactBenchmarks
{
    private static readonly ConfigurationContent Configuration = ConfigurationContent.FromText(new string('x', 512));

    /// <summary>
    /// Heap growth (after a full collection) over 1,000,000 long-poll rounds spread over 1,000 entries, per round. Every
    /// round is a contact; memory that grows with contacts rather than entries shows here. The ratio is against the
    /// goal of 1 byte per contact (below 1 meets it): the dictionary baseline keeps nothing per update either, so a
    /// ratio against it would divide by about zero.
    /// </summary>
    public static QuickFigure RetainedBytesPerContact()
    {
        const int Entries = 1_000;
        const int Rounds = 1_000_000;
        var (cache, _, uuids, trustKey) = ClaimedPopulation.Create(Entries, Configuration);
        // One round of each entry first, so lazily created state (signals, pools) is not counted as growth.
        LongPoll(cache, uuids, trustKey, Entries);
        var before = GC.GetTotalMemory(forceFullCollection: true);
        LongPoll(cache, uuids, trustKey, Rounds);
        var after = GC.GetTotalMemory(forceFullCollection: true);
        GC.KeepAlive(cache);
        var perContact = Math.Max(0, after - before) / (double)Rounds;
        return new QuickFigure("inmemory.retained_bytes_per_contact", perContact / 1.0, perContact, "B/contact");
    }

    /// <summary>Fetches by two threads at once, against the dictionary baseline fetching by two threads at once.</summary>
    public static QuickFigure FetchFromTwoThreads()
    {
        const int Operations = 200_000;
        var (cache, baseline, uuids, trustKey) = ClaimedPopulation.Create(10_000, Configuration);
        var credential = InstanceCredential.Trusted(trustKey);
        var now = DateTimeOffset.UnixEpoch;
        return InMemoryQuickBenchmark.Compare(
            "inmemory.fetch_2threads_vs_dictionary",
            n => OnTwoThreads(n, i => baseline.Fetch(uuids[i % uuids.Length], trustKey.Reveal(), now)),
            n => OnTwoThreads(n, i => cache.FetchAsync(uuids[i % uuids.Length], credential).GetAwaiter().GetResult()),
            Operations);
    }

    /// <summary>Reports by two threads at once, against the dictionary baseline updating by two threads at once.</summary>
    public static QuickFigure UpdateFromTwoThreads()
    {
        const int Operations = 200_000;
        var (cache, baseline, uuids, trustKey) = ClaimedPopulation.Create(10_000, Configuration);
        var parameters = new Dictionary<string, ParameterValue> { ["port"] = 8080L, ["role"] = "web" };
        var report = new InstanceReport(new InstanceStatus(InstanceState.Configured, 0)) { Address = "10.0.0.1", Parameters = parameters };
        var now = DateTimeOffset.UnixEpoch;
        return InMemoryQuickBenchmark.Compare(
            "inmemory.update_2threads_vs_dictionary",
            n => OnTwoThreads(n, i => baseline.Report(uuids[i % uuids.Length], trustKey.Reveal(), "10.0.0.1", new Dictionary<string, ParameterValue>(parameters), now)),
            n => OnTwoThreads(n, i => cache.UpdateCacheAsync(uuids[i % uuids.Length], trustKey, report).GetAwaiter().GetResult()),
            Operations);
    }

    private static void LongPoll(InMemoryConfigCache cache, Guid[] uuids, Secret trustKey, int rounds)
    {
        for (var i = 0; i < rounds; i++)
        {
            // Generation 1 is what the entry has: the round finds nothing newer and returns at its zero deadline.
            cache.WaitForUpdateAsync(uuids[i % uuids.Length], trustKey, knownGeneration: 1, TimeSpan.Zero).GetAwaiter().GetResult();
        }
    }

    /// <summary>Runs operations 0 to n-1 split between two threads (even and odd), and waits for both.</summary>
    internal static void OnTwoThreads(int n, Action<int> operation)
    {
        var threads = Enumerable.Range(0, 2).Select(first => new Thread(() =>
        {
            for (var i = first; i < n; i += 2)
            {
                operation(i);
            }
        })).ToArray();
        foreach (var thread in threads)
        {
            thread.Start();
        }

        foreach (var thread in threads)
        {
            thread.Join();
        }
    }
}
