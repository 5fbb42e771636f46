namespace CloudConfig.Rendezvous.Protocol;

/// <summary>
/// Every route of the rendezvous HTTP API, versioned under <see cref="Prefix"/>. Templates use <c>{uuid}</c> and
/// <c>{pool}</c>; the <c>For</c> helpers build concrete paths.
/// </summary>
public static class RendezvousRoutes
{
    /// <summary>The version prefix of every route.</summary>
    public const string Prefix = "/v1";

    /// <summary><c>GET</c>: liveness, the same as <see cref="HealthLive"/> (kept for earlier clients); no authentication.</summary>
    public const string Health = Prefix + "/health";

    /// <summary><c>GET</c>: liveness: 200 while the process serves requests, whatever its cache does; no authentication.</summary>
    public const string HealthLive = Prefix + "/health/live";

    /// <summary>
    /// <c>GET</c>: readiness: 200 while the server can do its work (its cache answers), 503 otherwise and while it
    /// stops; no authentication.
    /// </summary>
    public const string HealthReady = Prefix + "/health/ready";

    /// <summary><c>GET</c>: an instance fetches its configuration (boot or trust credential).</summary>
    public const string InstanceConfiguration = Prefix + "/instances/{uuid}/configuration";

    /// <summary><c>GET</c>: an instance long-polls for a newer generation (<c>?after=N&amp;timeoutSeconds=S</c>).</summary>
    public const string InstanceConfigurationUpdates = Prefix + "/instances/{uuid}/configuration/updates";

    /// <summary><c>PUT</c>: an instance reports back (<c>update_cache</c>).</summary>
    public const string InstanceReport = Prefix + "/instances/{uuid}/report";

    /// <summary><c>POST</c>: an instance claims the next entry of a dynamic pool (<c>assign_dynamic</c>).</summary>
    public const string PoolAssignments = Prefix + "/pools/{pool}/assignments";

    /// <summary><c>POST</c>: pre-register; <c>GET</c>: list (<c>?limit=&amp;after=&amp;domain=&amp;pool=</c>). App only.</summary>
    public const string Entries = Prefix + "/entries";

    /// <summary><c>GET</c>: read an entry; <c>DELETE</c>: remove it. App only.</summary>
    public const string Entry = Prefix + "/entries/{uuid}";

    /// <summary><c>PUT</c>: replace an entry's configuration. App only.</summary>
    public const string EntryConfiguration = Prefix + "/entries/{uuid}/configuration";

    /// <summary><c>POST</c>: remove every entry not heard from within a timeout (<c>remove_stale</c>). App only.</summary>
    public const string RemoveStale = Prefix + "/maintenance/remove-stale";

    /// <summary><c>GET</c>: the OpenAPI 3.1 document describing every route of this API; no authentication.</summary>
    public const string OpenApi = Prefix + "/openapi.json";

    /// <summary>The path of <see cref="InstanceConfiguration"/> for a uuid.</summary>
    public static string InstanceConfigurationFor(Guid uuid) => $"{Prefix}/instances/{uuid:D}/configuration";

    /// <summary>The path of <see cref="InstanceConfigurationUpdates"/> for a uuid.</summary>
    public static string InstanceConfigurationUpdatesFor(Guid uuid) => $"{Prefix}/instances/{uuid:D}/configuration/updates";

    /// <summary>The path of <see cref="InstanceReport"/> for a uuid.</summary>
    public static string InstanceReportFor(Guid uuid) => $"{Prefix}/instances/{uuid:D}/report";

    /// <summary>The path of <see cref="PoolAssignments"/> for a pool (escaped).</summary>
    public static string PoolAssignmentsFor(string pool) => $"{Prefix}/pools/{Uri.EscapeDataString(pool)}/assignments";

    /// <summary>The path of <see cref="Entry"/> for a uuid.</summary>
    public static string EntryFor(Guid uuid) => $"{Prefix}/entries/{uuid:D}";

    /// <summary>The path of <see cref="EntryConfiguration"/> for a uuid.</summary>
    public static string EntryConfigurationFor(Guid uuid) => $"{Prefix}/entries/{uuid:D}/configuration";
}
