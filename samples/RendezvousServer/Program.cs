using System.Security.Cryptography.X509Certificates;
using CloudConfig.Core;
using CloudConfig.Rendezvous;

// Usage: RendezvousServer [url ...]   (default http://127.0.0.1:0)
// Environment: CLOUDCONFIG_API_KEY (required), CLOUDCONFIG_CERTIFICATE (a PKCS#12 file, for https URLs).
var apiKey = Environment.GetEnvironmentVariable("CLOUDCONFIG_API_KEY");
if (string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("Set CLOUDCONFIG_API_KEY (at least 22 characters).");
    return 2;
}

var options = new RendezvousServerOptions { Configure = rendezvous => rendezvous.ApiKey = apiKey };
foreach (var url in args)
{
    options.Urls.Add(url);
}

using var certificate = Environment.GetEnvironmentVariable("CLOUDCONFIG_CERTIFICATE") is { Length: > 0 } path
    ? X509CertificateLoader.LoadPkcs12FromFile(path, null)
    : null;
options.Certificate = certificate;

await using var server = await RendezvousServer.StartAsync(options);
Console.WriteLine($"Listening on {string.Join(", ", server.Urls)}");
if (certificate is not null)
{
    // Agents pin this: it can travel in the boot string.
    Console.WriteLine($"Certificate fingerprint {CertificateFingerprint.Of(certificate)}");
}

await server.WaitForShutdownAsync();
return 0;
