namespace CloudConfig.Benchmarks.Quick;

/// <summary>
/// Every figure's goal for its ratio, in one table, as the issues that asked for the figures set them. A figure
/// missing here has no goal yet and is printed as such; the quick mode's last line counts the figures that miss theirs.
/// </summary>
public static class QuickGoals
{
    private static readonly Dictionary<string, QuickGoal> Goals = new(StringComparer.Ordinal)
    {
        // In-memory cache against a ConcurrentDictionary doing the same essential work.
        ["inmemory.preregister_vs_dictionary"] = QuickGoal.Max(1.5),
        ["inmemory.fetch_vs_dictionary"] = QuickGoal.Max(1.5),
        ["inmemory.fetch_2threads_vs_dictionary"] = QuickGoal.Max(1.5),
        ["inmemory.update_vs_dictionary"] = QuickGoal.Max(1.5),
        ["inmemory.update_2threads_vs_dictionary"] = QuickGoal.Max(1.5),
        // Memory must not grow with traffic: under a byte per contact.
        ["inmemory.retained_bytes_per_contact"] = QuickGoal.MaxValue(1),
        ["deltacloud.parse_instances_xml_vs_xmlreader"] = QuickGoal.Max(1.3),
        ["deltacloud.parse_instances_json_vs_jsondocument"] = QuickGoal.Max(1.3),
        // One round trip at 0.7 times a raw GET's throughput or better.
        ["redis.fetch_vs_raw_get"] = QuickGoal.Max(1.43),
        ["provision.1000_vs_bare_creates"] = QuickGoal.Max(1.2),
        ["rendezvous.fetch_vs_bare_kestrel"] = QuickGoal.Max(1.43),
        // No report may be lost.
        ["rendezvous.bootstorm_10k_lost"] = QuickGoal.MaxValue(0),
        // A flood of refusals must not fill the log.
        ["rendezvous.log_bytes_per_refusal"] = QuickGoal.MaxValue(100),
        // No timing oracle: an existing and an unknown uuid cost the same to refuse.
        ["rendezvous.redis_refused_fetch_existing_vs_unknown"] = new QuickGoal(0.9, 1.1),
        // Federation (issue 9), for when its figures land.
        ["nats.fetch_vs_kv_get"] = QuickGoal.Max(1.43),
        ["federation.report_visible_onprem_ms_p99"] = QuickGoal.MaxValue(100),
        ["federation.catchup_10k_seconds"] = QuickGoal.MaxValue(8),
    };

    /// <summary>The figure's goal, or null when none was set.</summary>
    public static QuickGoal? For(string figure) => Goals.GetValueOrDefault(figure);
}
