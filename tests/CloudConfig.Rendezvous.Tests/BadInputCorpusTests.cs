using System.Net.Http.Headers;
using System.Text;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>
/// Malformed requests, as data: each must get a 4xx (never a 5xx) and leave every entry exactly as it was.
/// Paths may name <c>{claimed}</c> and <c>{unclaimed}</c>; auth is <c>app</c>, <c>trust</c> (the claimed entry's
/// valid trust key), <c>none</c>, or a literal header; a body starting with <c>b64:</c> is raw bytes.
/// </summary>
public sealed class BadInputCorpusTests(BadInputCorpusFixture fixture) : IClassFixture<BadInputCorpusFixture>
{
    private const string Json = "application/json";
    private const string Register = "/v1/entries";
    private const string Report = "/v1/instances/{claimed}/report";
    private const string Fetch = "/v1/instances/{claimed}/configuration";
    private const string ValidConfiguration = """{"contentType":"text/plain","base64":"eA=="}""";
    private const string Hash = "sha256:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    private static Dictionary<string, (string Method, string Path, string Auth, string? ContentType, string? Body)> Cases { get; } = new[]
    {
        // Pre-registration bodies (app-authenticated, so they reach the parser).
        ("empty body", ("POST", Register, "app", Json, "")),
        ("broken json", ("POST", Register, "app", Json, "{")),
        ("json null", ("POST", Register, "app", Json, "null")),
        ("json array", ("POST", Register, "app", Json, "[]")),
        ("json string", ("POST", Register, "app", Json, "\"hello\"")),
        ("missing every field", ("POST", Register, "app", Json, "{}")),
        ("missing configuration", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","credentialHash":"{{Hash}}"}""")),
        ("missing credential hash", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}}}""")),
        ("uuid not a uuid", ("POST", Register, "app", Json, $$"""{"uuid":"nope","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""")),
        ("uuid a number", ("POST", Register, "app", Json, $$"""{"uuid":42,"configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""")),
        ("uuid empty", ("POST", Register, "app", Json, $$"""{"uuid":"00000000-0000-0000-0000-000000000000","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""")),
        ("uuid taken", ("POST", Register, "app", Json, $$"""{"uuid":"{claimed}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""")),
        ("configuration a string", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":"echo hi","credentialHash":"{{Hash}}"}""")),
        ("configuration bad base64", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{"contentType":"a/b","base64":"!!!"},"credentialHash":"{{Hash}}"}""")),
        ("configuration without content type", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{"base64":"eA=="},"credentialHash":"{{Hash}}"}""")),
        ("configuration empty content type", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{"contentType":" ","base64":"eA=="},"credentialHash":"{{Hash}}"}""")),
        ("configuration base64 twice", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{"contentType":"a/b","base64":"eA==","base64":"eQ=="},"credentialHash":"{{Hash}}"}""")),
        ("credential hash is a plain secret", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"my-secret"}""")),
        ("credential hash null", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":null}""")),
        ("domain a number", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","domain":7}""")),
        ("domain control character", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","domain":"a\u0007b"}""")),
        ("domain huge", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","domain":"{{new string('d', 5000)}}"}""")),
        ("config hosts not an array", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","configHosts":"h:1"}""")),
        ("config hosts with null", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","configHosts":[null]}""")),
        ("dynamic pool empty", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","dynamicPool":""}""")),
        ("dynamic pool with another credential", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","dynamicPool":"web"}""")),
        ("duplicate uuid key", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""")),
        ("deeply nested", ("POST", Register, "app", Json, $$"""{"uuid":{{new string('[', 200)}}{{new string(']', 200)}}}""")),
        ("trailing garbage", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"} trailing""")),
        ("comments", ("POST", Register, "app", Json, $$"""{/* c */"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""")),
        ("single quotes", ("POST", Register, "app", Json, "{'uuid':'x'}")),
        ("invalid utf-8", ("POST", Register, "app", Json, "b64:eyJ1dWlkIjoi/v8ifQ==")),
        ("text/plain content type", ("POST", Register, "app", "text/plain", $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""")),
        ("xml content type", ("POST", Register, "app", "application/xml", "<entry/>")),
        ("no content type", ("POST", Register, "app", null, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""")),

        // Reports with the valid trust key, so they reach the parser and the validator.
        ("report without status", ("PUT", Report, "trust", Json, "{}")),
        ("state an integer", ("PUT", Report, "trust", Json, """{"status":{"state":3}}""")),
        ("state null", ("PUT", Report, "trust", Json, """{"status":{"state":null}}""")),
        ("NaN literal", ("PUT", Report, "trust", Json, """{"status":{"state":"configured"},"parameters":{"load":NaN}}""")),
        ("Infinity literal", ("PUT", Report, "trust", Json, """{"status":{"state":"configured"},"parameters":{"load":Infinity}}""")),
        ("NaN as a string number", ("PUT", Report, "trust", Json, """{"status":{"state":"configured","exitCode":"NaN"}}""")),
        ("number overflowing to infinity", ("PUT", Report, "trust", Json, """{"status":{"state":"configured"},"parameters":{"load":1e400}}""")),
        ("integer beyond 64 bits", ("PUT", Report, "trust", Json, """{"status":{"state":"configured"},"parameters":{"n":99999999999999999999}}""")),
        ("parameter an array", ("PUT", Report, "trust", Json, """{"status":{"state":"configured"},"parameters":{"a":[1]}}""")),
        ("parameter an object", ("PUT", Report, "trust", Json, """{"status":{"state":"configured"},"parameters":{"a":{"b":1}}}""")),
        ("parameter null", ("PUT", Report, "trust", Json, """{"status":{"state":"configured"},"parameters":{"a":null}}""")),
        ("duplicate parameter keys", ("PUT", Report, "trust", Json, """{"status":{"state":"configured"},"parameters":{"a":1,"a":2}}""")),
        ("exit code a string", ("PUT", Report, "trust", Json, """{"status":{"state":"failed","exitCode":"3"}}""")),
        ("exit code a fraction", ("PUT", Report, "trust", Json, """{"status":{"state":"failed","exitCode":1.5}}""")),
        ("applied generation negative", ("PUT", Report, "trust", Json, """{"status":{"state":"configured","appliedGeneration":-1}}""")),
        ("status detail huge", ("PUT", Report, "trust", Json, "{\"status\":{\"state\":\"failed\",\"detail\":\"" + new string('x', 20_000) + "\"}}")),
        ("too many parameters", ("PUT", Report, "trust", Json, "{\"status\":{\"state\":\"configured\"},\"parameters\":{" + string.Join(',', Enumerable.Range(0, 300).Select(i => $"\"p{i}\":{i}")) + "}}")),
        ("address control character", ("PUT", Report, "trust", Json, """{"status":{"state":"configured"},"address":"10.0.0.1\n"}""")),
        ("address empty", ("PUT", Report, "trust", Json, """{"status":{"state":"configured"},"address":""}""")),
        ("report as form data", ("PUT", Report, "trust", "application/x-www-form-urlencoded", "status=configured")),

        // Missing or garbled credentials.
        ("no authorization", ("GET", Fetch, "none", null, null)),
        ("trust scheme without key", ("GET", Fetch, "CloudConfig-Trust", null, null)),
        ("trust scheme with two keys", ("GET", Fetch, "CloudConfig-Trust a b", null, null)),
        ("boot scheme with one secret", ("GET", Fetch, "CloudConfig-Boot onlyone", null, null)),
        ("basic auth", ("GET", Fetch, "Basic dXNlcjpwYXNz", null, null)),
        ("app key on an instance route", ("GET", Fetch, "Bearer " + TestServer.ApiKey, null, null)),
        ("huge trust key", ("GET", Fetch, "CloudConfig-Trust " + new string('k', 5000), null, null)),
        ("lowercase scheme", ("GET", Fetch, "cloudconfig-trust corpus-trust-key-0123456789abcdef", null, null)),
        ("boot credential on report", ("PUT", Report, "CloudConfig-Boot aaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbbbb", Json, """{"status":{"state":"configured"}}""")),
        ("pool scheme with one secret", ("POST", "/v1/pools/web/assignments", "CloudConfig-Pool onlyone", null, null)),
        ("pool name with control character", ("POST", "/v1/pools/we%07b/assignments", "CloudConfig-Pool aaaaaaaaaaaaaaaaaaaaaaaa bbbbbbbbbbbbbbbbbbbbbbbb", null, null)),

        // Bad uuids and query values.
        ("instance uuid not a uuid", ("GET", "/v1/instances/not-a-uuid/configuration", "trust", null, null)),
        ("instance uuid empty", ("GET", "/v1/instances/00000000-0000-0000-0000-000000000000/configuration", "trust", null, null)),
        ("entry uuid a number", ("GET", "/v1/entries/123", "app", null, null)),
        ("delete uuid garbage", ("DELETE", "/v1/entries/zzzz", "app", null, null)),
        ("wait after not a number", ("GET", "/v1/instances/{claimed}/configuration/updates?after=abc", "trust", null, null)),
        ("wait after negative", ("GET", "/v1/instances/{claimed}/configuration/updates?after=-1", "trust", null, null)),
        ("wait without after", ("GET", "/v1/instances/{claimed}/configuration/updates", "trust", null, null)),
        ("wait timeout negative", ("GET", "/v1/instances/{claimed}/configuration/updates?after=1&timeoutMs=-5", "trust", null, null)),
        ("wait timeout huge", ("GET", "/v1/instances/{claimed}/configuration/updates?after=1&timeoutMs=99999999999999999999", "trust", null, null)),
        ("list limit zero", ("GET", "/v1/entries?limit=0", "app", null, null)),
        ("list limit garbage", ("GET", "/v1/entries?limit=ten", "app", null, null)),
        ("list after garbage", ("GET", "/v1/entries?after=zzz", "app", null, null)),
        ("remove stale negative", ("POST", "/v1/maintenance/remove-stale", "app", Json, """{"timeoutMilliseconds":-1}""")),
        ("remove stale as string", ("POST", "/v1/maintenance/remove-stale", "app", Json, """{"timeoutMilliseconds":"5"}""")),
        ("remove stale fraction", ("POST", "/v1/maintenance/remove-stale", "app", Json, """{"timeoutMilliseconds":1.5}""")),
        ("remove stale missing", ("POST", "/v1/maintenance/remove-stale", "app", Json, "{}")),
        ("update configuration empty", ("PUT", "/v1/entries/{claimed}/configuration", "app", Json, "{}")),
        ("update configuration too large", ("PUT", "/v1/entries/{claimed}/configuration", "app", Json, "{\"configuration\":{\"contentType\":\"a/b\",\"base64\":\"" + new string('A', 1_500_000) + "\"}}")),
        ("update configuration unknown uuid", ("PUT", $"/v1/entries/{Guid.NewGuid()}/configuration", "app", Json, $$"""{"configuration":{{ValidConfiguration}}}""")),
        ("wrong method", ("PATCH", Register, "app", Json, "{}")),
    }.ToDictionary(c => c.Item1, c => c.Item2);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task MalformedRequest_Gets4xxAndChangesNothing(string name)
    {
        var (method, path, auth, contentType, body) = Cases[name];
        var before = await fixture.SnapshotAsync();
        using var http = fixture.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), Resolve(path));
        var authorization = auth switch
        {
            "app" => "Bearer " + TestServer.ApiKey,
            "trust" => "CloudConfig-Trust " + BadInputCorpusFixture.TrustKey.Reveal(),
            "none" => null,
            _ => auth,
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body.StartsWith("b64:", StringComparison.Ordinal) ? Convert.FromBase64String(body[4..]) : Encoding.UTF8.GetBytes(Resolve(body)));
            if (contentType is not null)
            {
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }
        }

        using var response = await http.SendAsync(request);

        var status = (int)response.StatusCode;
        Assert.True(status is >= 400 and < 500, $"{name}: answered {status}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before, await fixture.SnapshotAsync());
    }

    private string Resolve(string text) => text
        .Replace("{claimed}", fixture.Claimed.ToString(), StringComparison.Ordinal)
        .Replace("{unclaimed}", fixture.Unclaimed.ToString(), StringComparison.Ordinal);
}
