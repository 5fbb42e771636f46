using CloudConfig.Rendezvous.Protocol;
using static CloudConfig.Rendezvous.Protocol.RendezvousProblemKinds;

namespace CloudConfig.Rendezvous;

/// <summary>The OpenAPI description of every rendezvous route: the protocol, written down where tools can read it.</summary>
internal static class RendezvousOperations
{
    public const string Instance = "instance";
    public const string App = "app";
    public const string Operations = "operations";

    private const string RefusedText = "the cache behind this server does not take registry writes here, and never will (refused; reason names why: read-only-site, a cloud site of a federation, whose registrations are written on premises). Nothing changed.";

    private const string ETag = "ETag";
    private const string ETagText = "The configuration's generation as a strong tag, \"g<generation>\"; send it back as If-None-Match on a long poll.";

    public static readonly RendezvousOperation Live = Health("live", "Liveness", "The process answers; never depends on the cache.");

    public static readonly RendezvousOperation LegacyHealth = Health("health", "Liveness (as before)", "The same as /v1/health/live, kept for earlier clients.");

    public static readonly RendezvousOperation Ready = Health("ready", "Readiness", "Every check tagged cloudconfig-ready passes: the cache answers within ReadinessTimeout, the server is not stopping, and whatever checks the host added.") with
    {
        Responses = [new(200, "Ready.", typeof(HealthMessage)), new(503, "Not ready: {\"status\":\"unavailable\"}.", typeof(HealthMessage))],
    };

    public static readonly RendezvousOperation Fetch = new("fetch", Instance, "Fetch the instance's configuration", "First contact with the boot secret and a trust key of the agent's choosing (the boot secret is consumed; the same pair is accepted again, so a lost answer does not strand the agent), or any later fetch with the trust key.")
    {
        Security = [RendezvousHeaders.BootScheme, RendezvousHeaders.TrustScheme],
        Responses = [new(200, "The configuration.", typeof(InstanceConfigurationMessage)) { Headers = [(ETag, ETagText)] }, .. InstanceRefusals([InvalidInput])],
    };

    public static readonly RendezvousOperation WaitForUpdate = new("wait_for_update", Instance, "Long poll for a newer configuration", "Answers as soon as the entry's generation passes the one the agent holds, or 204 when none came within the timeout.")
    {
        Security = [RendezvousHeaders.TrustScheme],
        Query =
        [
            ("after", "integer", "The generation the agent holds (required unless If-None-Match is sent)."),
            ("timeoutMs", "integer", "How long to wait, in milliseconds (0 or more); without it, and at most, the server's MaxLongPoll (default 30 s)."),
        ],
        Headers = [("If-None-Match", "The ETag of the configuration the agent holds, instead of after.")],
        Responses =
        [
            new(200, "A newer configuration.", typeof(InstanceConfigurationMessage)) { Headers = [(ETag, ETagText)] },
            new(204, "No newer configuration within the timeout."),
            .. InstanceRefusals([InvalidInput], Problem(503, "The cache cannot be reached; or the server is stopping, which answers its long polls at once.", Unavailable) with
            {
                Headers = [("Retry-After", "1, when the server is stopping: poll again, here or at another server."), ("Connection", "close, when the server is stopping.")],
            }),
        ],
    };

    public static readonly RendezvousOperation Report = new("update_cache", Instance, "Report the instance's status (update_cache)", "The agent's address, status and parameters; replaces what it reported before.")
    {
        Security = [RendezvousHeaders.TrustScheme],
        RequestBody = typeof(ReportMessage),
        Responses = [new(204, "Recorded."), .. InstanceRefusals([InvalidInput]), .. BodyRefusals()],
    };

    public static readonly RendezvousOperation Assign = new("assign_dynamic", Instance, "Claim the next entry of a dynamic pool (assign_dynamic)", "First come, first served; the entry is bound to the caller's trust key from then on. A retry with the same trust key (its answer was lost) gets the same entry again.")
    {
        Security = [RendezvousHeaders.PoolScheme],
        Responses =
        [
            new(200, "The claimed entry's configuration, with its uuid.", typeof(InstanceConfigurationMessage)),
            .. InstanceRefusals([InvalidInput]),
            Problem(409, "The pool ran dry.", NoDynamicEntry),
        ],
    };

    public static readonly RendezvousOperation PreRegister = new("pre_register", App, "Register an entry (pre_register)", "A configuration under a uuid, with the SHA-256 hash of the boot secret (or of a dynamic pool's credential): never a secret.")
    {
        Security = [RendezvousHeaders.BearerScheme],
        RequestBody = typeof(RegistrationMessage),
        Responses =
        [
            new(201, "Registered.", typeof(EntryMessage)) { Headers = [("Location", "The entry's URL, /v1/entries/{uuid}.")] },
            .. AppRefusals([InvalidInput, TooLarge]),
            Problem(409, $"The uuid is taken (already-exists); or {RefusedText}", AlreadyExists, Refused),
            .. BodyRefusals(),
            Problem(507, "The cache holds MaxEntries.", CacheFull),
        ],
    };

    public static readonly RendezvousOperation List = new("list", App, "List entries", "Pages in uuid order; pass next as after for the following page.")
    {
        Security = [RendezvousHeaders.BearerScheme],
        Query =
        [
            ("limit", "integer", "Entries per page, 1 to MaxPageSize (default and maximum 500)."),
            ("after", "uuid", "The next value of the previous page: a uuid."),
            ("domain", "string", "Only entries registered in this domain."),
            ("pool", "string", "Only entries of this dynamic pool."),
        ],
        Responses = [new(200, "A page of entries.", typeof(EntryPageMessage)), .. AppRefusals([InvalidInput])],
    };

    public static readonly RendezvousOperation Get = new("get", App, "Read an entry", "What the instance reported (address, status, parameters), its configuration and its bookkeeping.")
    {
        Security = [RendezvousHeaders.BearerScheme],
        Responses = [new(200, "The entry.", typeof(EntryMessage)), .. AppRefusals([InvalidInput]), Problem(404, "No such entry.", NotFound)],
    };

    public static readonly RendezvousOperation Remove = new("remove", App, "Remove an entry (remove)", "The entry and its secrets' hashes are gone; its agent is refused from then on.")
    {
        Security = [RendezvousHeaders.BearerScheme],
        Responses = [new(204, "Removed."), .. AppRefusals([InvalidInput]), Problem(404, "No such entry.", NotFound), RefusedHere()],
    };

    public static readonly RendezvousOperation UpdateConfiguration = new("update_configuration", App, "Replace an entry's configuration", "The generation goes up by one and wakes the agent's long poll.")
    {
        Security = [RendezvousHeaders.BearerScheme],
        RequestBody = typeof(UpdateConfigurationMessage),
        Responses =
        [
            new(200, "The entry with its new generation.", typeof(EntryMessage)),
            .. AppRefusals([InvalidInput, TooLarge]),
            Problem(404, "No such entry.", NotFound),
            RefusedHere(),
            .. BodyRefusals(),
        ],
    };

    public static readonly RendezvousOperation RemoveStale = new("remove_stale", App, "Remove stale entries (remove_stale)", "Every entry not heard from (nor registered) within the timeout.")
    {
        Security = [RendezvousHeaders.BearerScheme],
        RequestBody = typeof(RemoveStaleMessage),
        Responses = [new(200, "How many were removed.", typeof(RemoveStaleResultMessage)), .. AppRefusals([InvalidInput]), RefusedHere(), .. BodyRefusals()],
    };

    public static readonly RendezvousOperation Document = new("openapi", Operations, "This document", "The OpenAPI 3.1 description of the rendezvous API.")
    {
        Responses = [new(200, "The document.", typeof(System.Text.Json.Nodes.JsonObject))],
    };

    private static RendezvousOperation Health(string id, string summary, string description) => new("health_" + id, Operations, summary, description)
    {
        // HealthCheckMiddleware's own headers.
        CacheControl = "no-store, no-cache",
        Responses = [new(200, "{\"status\":\"ok\"}.", typeof(HealthMessage))],
    };

    private static RendezvousResponse Problem(int status, string description, params string[] kinds) =>
        new(status, description, typeof(ProblemMessage)) { ProblemKinds = kinds };

    // An instance's refusals: one 404 for every wrong credential or unknown entry (so nobody can probe which exist),
    // 429 past a failure budget, 503 while the cache is unreachable.
    private static IEnumerable<RendezvousResponse> InstanceRefusals(string[] badRequestKinds, RendezvousResponse? unavailable = null) =>
    [
        Problem(400, "Malformed input (a bad uuid, pool name or query value); field names it.", badRequestKinds),
        Problem(401, "Missing or malformed credential, or another scheme than the route takes.", Unauthorized) with
        {
            Headers = [("WWW-Authenticate", "CloudConfig-Trust (CloudConfig-Pool on a pool's route).")],
        },
        Problem(404, "No entry matches that id and credential: an unknown uuid, a wrong secret or trust key, a replayed boot secret and an unknown pool all get this same answer.", NotFound),
        Throttled("Too many failed attempts from this address (IPv6: its /64), or wrong credentials past this entry's budget (the right one is always served)."),
        unavailable ?? Unreachable(),
    ];

    private static IEnumerable<RendezvousResponse> AppRefusals(string[] badRequestKinds) =>
    [
        Problem(400, "Malformed input; field names it (too-large: the configuration is over MaxConfigurationBytes).", badRequestKinds),
        Problem(401, "Missing or wrong API key, or an instance's credential.", Unauthorized) with { Headers = [("WWW-Authenticate", "Bearer.")] },
        Throttled("Too many failed attempts from this address (IPv6: its /64), a wrong API key included."),
        Unreachable(),
    ];

    private static IEnumerable<RendezvousResponse> BodyRefusals() =>
    [
        Problem(413, "The body is over the limit (the base64 size of MaxConfigurationBytes plus 64 KiB).", TooLarge),
        Problem(415, "The body is not application/json in UTF-8.", UnsupportedMediaType),
    ];

    private static RendezvousResponse Throttled(string description) =>
        Problem(429, description, RateLimited) with { Headers = [("Retry-After", "Seconds until the budget's window closes.")] };

    private static RendezvousResponse RefusedHere() => Problem(409, char.ToUpperInvariant(RefusedText[0]) + RefusedText[1..], Refused);

    private static RendezvousResponse Unreachable() => Problem(503, "The cache cannot be reached.", Unavailable);
}
