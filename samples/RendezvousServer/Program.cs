using System.Security.Cryptography.X509Certificates;
using CloudConfig.Cache.Redis;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Usage: RendezvousServer [--redis <connection string>] [url ...]   (default http://127.0.0.1:0)
// Environment: CLOUDCONFIG_API_KEY (required), CLOUDCONFIG_CERTIFICATE (a PKCS#12 file, for https URLs),
// CLOUDCONFIG_REDIS (instead of --redis, for a connection string with a password: a command line is public).
const string Usage = "Usage: RendezvousServer [--redis <connection string>] [url ...]";
var apiKey = Environment.GetEnvironmentVariable("CLOUDCONFIG_API_KEY");
if (string.IsNullOrEmpty(apiKey))
{
    Console.Error.WriteLine("Set CLOUDCONFIG_API_KEY (at least 22 characters).");
    return 2;
}

var urls = new List<string>();
var redis = Environment.GetEnvironmentVariable("CLOUDCONFIG_REDIS") is { Length: > 0 } fromEnvironment ? fromEnvironment : null;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--redis" && i + 1 < args.Length && !string.IsNullOrWhiteSpace(args[i + 1]))
    {
        redis = args[++i];
    }
    else if (args[i].StartsWith('-'))
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
    else
    {
        urls.Add(args[i]);
    }
}

var options = new RendezvousServerOptions { Configure = rendezvous => rendezvous.ApiKey = apiKey };
foreach (var url in urls)
{
    options.Urls.Add(url);
}

if (redis is not null)
{
    // Every server started with the same Redis (and key prefix) serves the same entries: run several behind one address.
    options.ConfigureBuilder = builder => builder.Services.AddRedisConfigCache(o => o.Configuration = redis);
}

using var certificate = Environment.GetEnvironmentVariable("CLOUDCONFIG_CERTIFICATE") is { Length: > 0 } path
    ? X509CertificateLoader.LoadPkcs12FromFile(path, null)
    : null;
options.Certificate = certificate;

RunningRendezvousServer server;
try
{
    server = await RendezvousServer.StartAsync(options);
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

await using (server)
{
    Console.WriteLine($"Listening on {string.Join(", ", server.Urls)}");
    // Never the connection string: it may hold a password.
    Console.WriteLine(redis is null ? "Cache: in memory (entries are lost when the server stops)" : $"Cache: Redis (key prefix '{RedisConfigCacheOptions.DefaultKeyPrefix}')");
    if (certificate is not null)
    {
        // Agents pin this: it can travel in the boot string.
        Console.WriteLine($"Certificate fingerprint {CertificateFingerprint.Of(certificate)}");
    }

    await server.WaitForShutdownAsync();
}

return 0;
