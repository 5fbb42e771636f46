using System.Text;
using static CloudConfig.EndToEnd.Tests.RawAnswers;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// One rendezvous server that misbehaves in one way, and what the agent must do about it: exit with a documented
/// code, or (for what may pass) keep retrying with backoff until it is stopped. <see cref="Answer"/> gets the
/// instance's uuid and a bystander server on another loopback address, which must never hear from the agent.
/// </summary>
internal sealed record MisbehavingServer(string Name, Func<Guid, RawHttpServer, Responder> Answer, int? ExitCode)
{
    /// <summary>The agent's exit codes (src/CloudConfig.Agent.Host/README.md).</summary>
    public const int Applied = 0, Refused = 7, CredentialRefused = 4, CertificateRefused = 5, ConfigurationRefused = 8;

    /// <summary>The agent reported the refusal to the server as a failed status.</summary>
    public bool ReportsFailure { get; init; }

    /// <summary>The server speaks TLS with a certificate other than the pinned one.</summary>
    public bool WrongCertificate { get; init; }

    /// <summary>Whether the agent applies (only for answers that are, in the end, valid).</summary>
    public bool Applies => ExitCode == Applied;

    public override string ToString() => Name;

    public static IReadOnlyList<MisbehavingServer> All { get; } =
    [
        // Garbage, wrong shapes and wrong types: nothing to apply, nothing final either (a proxy may be in the way).
        Retrying("garbage bytes instead of HTTP", (_, _) => Bytes("\u0001\u0002garbage\r\n\r\nmore garbage")),
        Retrying("HTML error page with status 200", (_, _) => Status(200, "text/html", "<html><body>Login required</body></html>")),
        Retrying("valid configuration JSON labelled text/plain", (uuid, _) => Status(200, "text/plain", Configuration(uuid))),
        Retrying("truncated JSON in a complete answer", (uuid, _) => Json(200, Configuration(uuid)[..40])),
        Retrying("body cut short of its Content-Length", (uuid, _) => Bytes(Head(200, "application/json", 500) + Configuration(uuid)[..60])),
        Retrying("empty 200 answer", (_, _) => Json(200, "")),
        Retrying("JSON null", (_, _) => Json(200, "null")),
        Retrying("configuration that is not base64", (uuid, _) => Json(200, Configuration(uuid).Replace("cm9sZT13ZWIK", "!!not base64!!", StringComparison.Ordinal))),
        Retrying("JSON array instead of an object", (_, _) => Json(200, "[1,2,3]")),
        Retrying("endless header lines", (_, _) => EndlessHeaders),

        // Slow, silent, hanging up: retried on the next round.
        Retrying("body dripping a byte every 100 ms", (uuid, _) => Drip(uuid)),
        Retrying("never answers", (_, _) => Hang),
        Retrying("hangs up at once", (_, _) => CloseAtOnce),

        // Too large: refused without being read whole, reported as failed (the server did accept the credential).
        Refusing("200 MB body with its length declared", (_, _) => Huge(200L * 1024 * 1024, declared: true)),
        Refusing("200 MB chunked body", (_, _) => Huge(200L * 1024 * 1024, declared: false)),
        Refusing("7 MB configuration", (uuid, _) => Json(200, Configuration(uuid, 1, new byte[7 * 1024 * 1024]))),
        Refusing("1.1 MiB configuration inside the answer limit", (uuid, _) => Json(200, Configuration(uuid, 1, new byte[1100 * 1024]))),

        // What no valid server could send.
        Refusing("configuration for another uuid", (_, _) => Json(200, Configuration(Guid.NewGuid()))),
        Refusing("generation -5", (uuid, _) => Json(200, Configuration(uuid, -5))),
        Refusing("generation 0", (uuid, _) => Json(200, Configuration(uuid, 0))),

        // Redirects are never followed: the credential must not go anywhere else.
        new("redirect loop to the same path", (_, _) => Status(302, null, "", "Location: /v1/instances"), Refused),
        new("307 redirect to another host", (_, bystander) => Status(307, null, "", $"Location: http://{bystander.Host}:{bystander.Port}/v1/x"), Refused),
        new("301 permanent redirect", (_, bystander) => Status(301, null, "", $"Location: http://{bystander.Host}:{bystander.Port}/"), Refused),
        new("304 not modified", (_, _) => Status(304), Refused),

        // A certificate other than the pinned one: one handshake, refused.
        new("TLS with a certificate other than the pinned one", (uuid, _) => Json(200, Configuration(uuid)), CertificateRefused) { WrongCertificate = true },

        // Every status class. 1xx informational answers are skipped by HTTP itself.
        new("103 Early Hints before a valid configuration", (uuid, _) => Fetch(Bytes("HTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n" + Head(200, "application/json", Encoding.UTF8.GetByteCount(Configuration(uuid))) + Configuration(uuid))), Applied),
        new("400 without a body", (_, _) => Status(400), Refused),
        new("400 problem naming an invalid input", (_, _) => Status(400, "application/problem+json", """{"status":400,"errorKind":"invalid-input","field":"x","problem":"is wrong\r\nforged: line"}"""), Refused),
        new("401 from a proxy", (_, _) => Status(401, "text/html", "<h1>401</h1>", "WWW-Authenticate: Basic"), Refused),
        new("403", (_, _) => Status(403), Refused),
        new("404", (_, _) => Status(404), CredentialRefused),
        Retrying("408", (_, _) => Status(408)),
        new("413", (_, _) => Status(413), Refused),
        new("418", (_, _) => Status(418), Refused),
        Retrying("429 with Retry-After", (_, _) => Status(429, null, "", "Retry-After: 0")),
        Retrying("500", (_, _) => Status(500, "text/plain", "Internal Server Error")),
        Retrying("502", (_, _) => Status(502)),
        Retrying("503", (_, _) => Status(503, "application/problem+json", """{"status":503,"errorKind":"unavailable"}""")),
    ];

    private static MisbehavingServer Retrying(string name, Func<Guid, RawHttpServer, Responder> answer) => new(name, answer, ExitCode: null);

    private static MisbehavingServer Refusing(string name, Func<Guid, RawHttpServer, Responder> answer) =>
        new(name, (uuid, bystander) => AcceptingReports(answer(uuid, bystander)), ConfigurationRefused) { ReportsFailure = true };
}
