namespace CloudConfig.Rendezvous.Tests;

/// <summary>
/// Malformed requests, as data, across every route of the server: each with the status it must get. Paths may name
/// <c>{claimed}</c> and <c>{unclaimed}</c>; auth is <c>app</c>, <c>trust</c> (the claimed entry's valid trust key),
/// <c>none</c>, or a literal header; a body starting with <c>b64:</c> is raw bytes.
/// </summary>
internal static partial class BadInputCorpus
{
    private const string Json = "application/json";
    private const string Register = "/v1/entries";
    private const string Report = "/v1/instances/{claimed}/report";
    private const string Fetch = "/v1/instances/{claimed}/configuration";
    private const string Wait = "/v1/instances/{claimed}/configuration/updates";
    private const string RemoveStale = "/v1/maintenance/remove-stale";
    private const string ValidConfiguration = """{"contentType":"text/plain","base64":"eA=="}""";
    private const string ValidReport = """{"status":{"state":"configured"}}""";
    private const string Hash = "sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private const string PoolCredentials = "CloudConfig-Pool aaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbb";

    /// <summary>Every case by name.</summary>
    public static Dictionary<string, (string Method, string Path, string Auth, string? ContentType, string? Body, int Status)> Cases { get; } =
        Registration().Concat(Instance()).Concat(App()).ToDictionary(c => c.Name, c => c.Request);

    private static string NewRegistration(string extra = "") =>
        $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"{{extra}}}""";
}
