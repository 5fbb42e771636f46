using System.Security.Cryptography.X509Certificates;
using CloudConfig.Core;
using Microsoft.AspNetCore.Builder;

namespace CloudConfig.Rendezvous;

/// <summary>Options for <see cref="RendezvousServer"/>, the ready-made host.</summary>
public sealed class RendezvousServerOptions
{
    /// <summary>The URLs Kestrel listens on; port 0 picks a free port. Default <c>http://127.0.0.1:0</c>.</summary>
    public IList<string> Urls { get; } = [];

    /// <summary>
    /// The certificate for <c>https</c> URLs. Its <c>CertificateFingerprint.Of(cert)</c> may travel in the boot
    /// string so agents pin exactly this certificate.
    /// </summary>
    public X509Certificate2? Certificate { get; set; }

    /// <summary>Sets the endpoints' options (the API key is required).</summary>
    public Action<RendezvousOptions>? Configure { get; set; }

    /// <summary>
    /// The cache the server exposes. To share the app's cache with a server in the same process (the app registers,
    /// the instances fetch and report), pass the app's own instance:
    /// <c>Cache = appServices.GetRequiredService&lt;IConfigCache&gt;()</c>. Required unless
    /// <see cref="ConfigureBuilder"/> registers one (for example <c>AddRedisConfigCache</c>); setting both is refused.
    /// </summary>
    public IConfigCache? Cache { get; set; }

    /// <summary>Adds services, for example the <c>IConfigCache</c> to expose when <see cref="Cache"/> is not set.</summary>
    public Action<WebApplicationBuilder>? ConfigureBuilder { get; set; }

    /// <summary>Adds middleware before the routes (for example forwarded headers, which the failure limits then count by).</summary>
    public Action<WebApplication>? ConfigureApp { get; set; }
}
