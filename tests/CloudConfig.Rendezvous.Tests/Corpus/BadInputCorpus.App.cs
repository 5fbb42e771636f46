namespace CloudConfig.Rendezvous.Tests;

internal static partial class BadInputCorpus
{
    // The app's other routes: reads, removals, configuration updates, remove_stale, listings.
    private static IEnumerable<(string Name, (string Method, string Path, string Auth, string? ContentType, string? Body, int Status) Request)> App() =>
    [
        ("entry uuid a number", ("GET", "/v1/entries/123", "app", null, null, 400)),
        ("delete uuid garbage", ("DELETE", "/v1/entries/zzzz", "app", null, null, 400)),
        ("list limit zero", ("GET", "/v1/entries?limit=0", "app", null, null, 400)),
        ("list limit garbage", ("GET", "/v1/entries?limit=ten", "app", null, null, 400)),
        ("list after garbage", ("GET", "/v1/entries?after=zzz", "app", null, null, 400)),
        ("remove stale negative", ("POST", "/v1/maintenance/remove-stale", "app", Json, """{"timeoutMilliseconds":-1}""", 400)),
        ("remove stale as string", ("POST", "/v1/maintenance/remove-stale", "app", Json, """{"timeoutMilliseconds":"5"}""", 400)),
        ("remove stale fraction", ("POST", "/v1/maintenance/remove-stale", "app", Json, """{"timeoutMilliseconds":1.5}""", 400)),
        ("remove stale missing", ("POST", "/v1/maintenance/remove-stale", "app", Json, "{}", 400)),
        ("update configuration empty", ("PUT", "/v1/entries/{claimed}/configuration", "app", Json, "{}", 400)),
        ("update configuration too large", ("PUT", "/v1/entries/{claimed}/configuration", "app", Json, "{\"configuration\":{\"contentType\":\"a/b\",\"base64\":\"" + new string('A', 1_500_000) + "\"}}", 413)),
        ("update configuration unknown uuid", ("PUT", $"/v1/entries/{Guid.NewGuid()}/configuration", "app", Json, $$"""{"configuration":{{ValidConfiguration}}}""", 404)),

        // Issue 10: a remove_stale timeout no cutoff can hold is a 400, never a 500.
        ("remove stale 1e14 milliseconds", ("POST", RemoveStale, "app", Json, """{"timeoutMilliseconds":100000000000000}""", 400)),
        ("remove stale long max", ("POST", RemoveStale, "app", Json, """{"timeoutMilliseconds":9223372036854775807}""", 400)),
        ("remove stale beyond 64 bits", ("POST", RemoveStale, "app", Json, """{"timeoutMilliseconds":99999999999999999999}""", 400)),
        ("remove stale with an exponent", ("POST", RemoveStale, "app", Json, """{"timeoutMilliseconds":1e14}""", 400)),
        ("remove stale long min", ("POST", RemoveStale, "app", Json, """{"timeoutMilliseconds":-9223372036854775808}""", 400)),
        ("remove stale null", ("POST", RemoveStale, "app", Json, """{"timeoutMilliseconds":null}""", 400)),
        ("remove stale declared latin-1", ("POST", RemoveStale, "app", "application/json; charset=iso-8859-1", """{"timeoutMilliseconds":1}""", 415)),
        ("remove stale without authorization", ("POST", RemoveStale, "none", Json, """{"timeoutMilliseconds":1}""", 401)),
        ("remove stale with GET", ("GET", RemoveStale, "app", null, null, 405)),

        ("get entry without authorization", ("GET", "/v1/entries/{claimed}", "none", null, null, 401)),
        ("get entry with the trust key", ("GET", "/v1/entries/{claimed}", "trust", null, null, 401)),
        ("get unknown entry", ("GET", "/v1/entries/9b0f6f0e-7d6c-4f55-8f1e-3c2a1b0d9e8f", "app", null, null, 404)),
        ("delete unknown entry", ("DELETE", "/v1/entries/9b0f6f0e-7d6c-4f55-8f1e-3c2a1b0d9e8f", "app", null, null, 404)),
        ("delete with a wrong api key", ("DELETE", "/v1/entries/{claimed}", "Bearer wrong-key-wrong-key-wrong-key", null, null, 401)),
        ("delete empty uuid", ("DELETE", "/v1/entries/00000000-0000-0000-0000-000000000000", "app", null, null, 400)),
        ("list limit over the maximum", ("GET", "/v1/entries?limit=501", "app", null, null, 400)),
        ("list limit negative", ("GET", "/v1/entries?limit=-1", "app", null, null, 400)),
        ("list with the trust key", ("GET", "/v1/entries", "trust", null, null, 401)),
        ("update configuration declared utf-16", ("PUT", "/v1/entries/{claimed}/configuration", "app", "application/json; charset=utf-16", $$"""{"configuration":{{ValidConfiguration}}}""", 415)),
        ("update configuration as text", ("PUT", "/v1/entries/{claimed}/configuration", "app", "text/plain", "echo hi", 415)),
        ("update configuration base64 a number", ("PUT", "/v1/entries/{claimed}/configuration", "app", Json, """{"configuration":{"contentType":"a/b","base64":5}}""", 400)),
        ("update configuration without authorization", ("PUT", "/v1/entries/{claimed}/configuration", "none", Json, $$"""{"configuration":{{ValidConfiguration}}}""", 401)),
    ];
}
