namespace CloudConfig.Cache.Nats;

/// <summary>
/// The subjects a site must refuse from the other side of a leaf link. "No inbound connection" is not "no inbound
/// request": over the leaf connection a site could call the other's JetStream API (writes through
/// <c>$JS.&lt;domain&gt;.API.$KV</c>, stream deletes and purges) unless these are denied. What mirrors need stays
/// open: consumer creation on the origin, deliveries, flow control and replies, and stream information.
/// </summary>
internal static class FederationSubjects
{
    // STREAM.INFO stays open: it lets each side see how far the other side's copy of its buckets has got (lag, and
    // the repair of a stuck mirror), and shows nothing a site does not already mirror.
    private static readonly string[] AdministrativeApi =
    [
        "STREAM.CREATE.>", "STREAM.UPDATE.>", "STREAM.DELETE.>", "STREAM.PURGE.>", "STREAM.MSG.>", "STREAM.SNAPSHOT.>",
        "STREAM.RESTORE.>", "STREAM.LEADER.>", "STREAM.PEER.>", "STREAM.TEMPLATE.>", "STREAM.NAMES", "STREAM.LIST",
        "$KV.>", "$OBJ.>", "ACCOUNT.>", "META.>", "SERVER.>", "DIRECT.>", "INFO",
        "CONSUMER.DELETE.>", "CONSUMER.DURABLE.>", "CONSUMER.LEADER.>", "CONSUMER.MSG.>", "CONSUMER.PAUSE.>", "CONSUMER.UNPIN.>",
    ];

    private static readonly string[] DirectWrites = ["$KV.>", "$OBJ.>", "$JS.API.>"];

    /// <summary>What one side must not accept from the other: writes and administration of its own domain's JetStream.</summary>
    public static IEnumerable<string> Protecting(string domain) =>
        AdministrativeApi.Select(api => $"$JS.{domain}.API.{api}").Concat(DirectWrites);

    /// <summary>What the on-premises side never sends over a link: its own JetStream requests and key-value writes.</summary>
    public static IEnumerable<string> LocalOnly { get; } = DirectWrites;
}
