namespace CloudConfig.Rendezvous.Tests;

internal static partial class BadInputCorpus
{
    // Pre-registration bodies, app-authenticated so that they reach the parser and the validator.
    private static IEnumerable<(string Name, (string Method, string Path, string Auth, string? ContentType, string? Body, int Status) Request)> Registration() =>
    [
        ("empty body", ("POST", Register, "app", Json, "", 400)),
        ("broken json", ("POST", Register, "app", Json, "{", 400)),
        ("json null", ("POST", Register, "app", Json, "null", 400)),
        ("json array", ("POST", Register, "app", Json, "[]", 400)),
        ("json string", ("POST", Register, "app", Json, "\"hello\"", 400)),
        ("missing every field", ("POST", Register, "app", Json, "{}", 400)),
        ("missing configuration", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","credentialHash":"{{Hash}}"}""", 400)),
        ("missing credential hash", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}}}""", 400)),
        ("uuid not a uuid", ("POST", Register, "app", Json, $$"""{"uuid":"nope","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""", 400)),
        ("uuid a number", ("POST", Register, "app", Json, $$"""{"uuid":42,"configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""", 400)),
        ("uuid empty", ("POST", Register, "app", Json, $$"""{"uuid":"00000000-0000-0000-0000-000000000000","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""", 400)),
        ("uuid taken", ("POST", Register, "app", Json, $$"""{"uuid":"{claimed}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""", 409)),
        ("configuration a string", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":"echo hi","credentialHash":"{{Hash}}"}""", 400)),
        ("configuration bad base64", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{"contentType":"a/b","base64":"!!!"},"credentialHash":"{{Hash}}"}""", 400)),
        ("configuration without content type", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{"base64":"eA=="},"credentialHash":"{{Hash}}"}""", 400)),
        ("configuration empty content type", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{"contentType":" ","base64":"eA=="},"credentialHash":"{{Hash}}"}""", 400)),
        ("configuration base64 twice", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{"contentType":"a/b","base64":"eA==","base64":"eQ=="},"credentialHash":"{{Hash}}"}""", 400)),
        ("credential hash is a plain secret", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"my-secret"}""", 400)),
        ("credential hash null", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":null}""", 400)),
        ("domain a number", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","domain":7}""", 400)),
        ("domain control character", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","domain":"a\u0007b"}""", 400)),
        ("domain huge", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","domain":"{{new string('d', 5000)}}"}""", 400)),
        ("config hosts not an array", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","configHosts":"h:1"}""", 400)),
        ("config hosts with null", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","configHosts":[null]}""", 400)),
        ("dynamic pool empty", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","dynamicPool":""}""", 400)),
        ("dynamic pool with another credential", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}","dynamicPool":"web"}""", 400)),
        ("duplicate uuid key", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""", 400)),
        ("deeply nested", ("POST", Register, "app", Json, $$"""{"uuid":{{new string('[', 200)}}{{new string(']', 200)}}}""", 400)),
        ("trailing garbage", ("POST", Register, "app", Json, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"} trailing""", 400)),
        ("comments", ("POST", Register, "app", Json, $$"""{/* c */"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""", 400)),
        ("single quotes", ("POST", Register, "app", Json, "{'uuid':'x'}", 400)),
        ("invalid utf-8", ("POST", Register, "app", Json, "b64:eyJ1dWlkIjoi/v8ifQ==", 400)),
        ("text/plain content type", ("POST", Register, "app", "text/plain", $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""", 415)),
        ("xml content type", ("POST", Register, "app", "application/xml", "<entry/>", 415)),
        ("no content type", ("POST", Register, "app", null, $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{{ValidConfiguration}},"credentialHash":"{{Hash}}"}""", 415)),
        ("wrong method", ("PATCH", Register, "app", Json, "{}", 405)),

        // Issue 10: a body declared in another charset than UTF-8 is refused, not misread.
        ("register declared latin-1", ("POST", Register, "app", "application/json; charset=iso-8859-1", NewRegistration(), 415)),
        ("register declared utf-16", ("POST", Register, "app", "application/json; charset=utf-16", NewRegistration(), 415)),
        ("register declared quoted windows-1252", ("POST", Register, "app", "application/json; charset=\"windows-1252\"", NewRegistration(), 415)),
        ("register declared unknown charset", ("POST", Register, "app", "application/json; charset=x-unknown", NewRegistration(), 415)),
        ("register dynamic pool control character", ("POST", Register, "app", Json, NewRegistration(",\"dynamicPool\":\"p\\u0000ool\""), 400)),
        ("register config host empty", ("POST", Register, "app", Json, NewRegistration(",\"configHosts\":[\"\"]"), 400)),
        ("register too many config hosts", ("POST", Register, "app", Json, NewRegistration(",\"configHosts\":[" + string.Join(',', Enumerable.Range(0, 40).Select(i => $"\"h{i}:1\"")) + "]"), 400)),
        ("register body over the limit", ("POST", Register, "app", Json, NewRegistration(",\"domain\":\"" + new string('d', 1_600_000) + "\""), 413)),
        ("register wrong api key", ("POST", Register, "Bearer wrong-key-wrong-key-wrong-key", Json, NewRegistration(), 401)),
        ("register with an instance trust key", ("POST", Register, "trust", Json, NewRegistration(), 401)),
    ];
}
