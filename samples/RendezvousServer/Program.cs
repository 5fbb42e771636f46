using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using CloudConfig.Cache.InMemory;
using CloudConfig.Cache.Redis;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using CloudConfig.Samples.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Environment: CLOUDCONFIG_API_KEY (required), CLOUDCONFIG_CERTIFICATE (a PKCS#12 file, for https URLs),
// CLOUDCONFIG_REDIS (instead of --redis, for a connection string with a password: a command line is public).
var redis = new Option<string?>("--redis")
{
    Description = "Keep entries in Redis (a StackExchange.Redis connection string) instead of in memory; or set CLOUDCONFIG_REDIS.",
};
redis.Validators.Add(result =>
{
    if (string.IsNullOrWhiteSpace(result.GetValue(redis)))
    {
        result.AddError("--redis needs a connection string, such as 127.0.0.1:6379.");
    }
});
var urls = new Argument<string[]>("url")
{
    Description = "Where to listen (default http://127.0.0.1:0, a free port printed at start).",
    Arity = ArgumentArity.ZeroOrMore,
};
urls.Validators.Add(result =>
{
    foreach (var url in result.GetValue(urls) ?? [])
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            result.AddError($"'{url}' is not an http or https URL to listen on.");
        }
    }
});
var command = new RootCommand(
    "Runs a CloudConfig rendezvous server over an in-memory cache, or over Redis. Needs CLOUDCONFIG_API_KEY; "
    + "CLOUDCONFIG_CERTIFICATE names a PKCS#12 file for https URLs. Exit codes: 0 after Ctrl+C or SIGTERM, 2 usage error or invalid options.")
{
    redis, urls,
};
command.SetAction((parse, stopping) => RunAsync(
    parse.GetValue(redis) ?? (Environment.GetEnvironmentVariable("CLOUDCONFIG_REDIS") is { Length: > 0 } fromEnvironment ? fromEnvironment : null),
    parse.GetValue(urls) ?? [],
    stopping));
return await SampleCommandLine.RunAsync(command, args);

static async Task<int> RunAsync(string? redis, string[] urls, CancellationToken stopping)
{
    var apiKey = Environment.GetEnvironmentVariable("CLOUDCONFIG_API_KEY");
    if (string.IsNullOrEmpty(apiKey))
    {
        Console.Error.WriteLine("Set CLOUDCONFIG_API_KEY (at least 22 characters).");
        return SampleCommandLine.UsageError;
    }

    var options = new RendezvousServerOptions { Configure = rendezvous => rendezvous.ApiKey = apiKey };
    foreach (var url in urls)
    {
        options.Urls.Add(url);
    }

    if (redis is null)
    {
        // The server makes no cache of its own: this one is chosen here, on purpose.
        options.Cache = new InMemoryConfigCache();
    }
    else
    {
        // Every server started with the same Redis (and key prefix) serves the same entries: run several behind one address.
        // Readiness (/v1/health/ready) then also pings Redis and reports the round trip.
        options.ConfigureBuilder = builder =>
        {
            builder.Services.AddRedisConfigCache(o => o.Configuration = redis);
            builder.Services.AddHealthChecks().AddRedisConfigCacheCheck();
        };
    }

    using var certificate = Environment.GetEnvironmentVariable("CLOUDCONFIG_CERTIFICATE") is { Length: > 0 } path
        ? X509CertificateLoader.LoadPkcs12FromFile(path, null)
        : null;
    options.Certificate = certificate;

    RunningRendezvousServer server;
    try
    {
        server = await RendezvousServer.StartAsync(options, stopping);
    }
    catch (OptionsValidationException e)
    {
        Console.Error.WriteLine(e.Message);
        return SampleCommandLine.UsageError;
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

        try
        {
            await server.WaitForShutdownAsync(stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // Ctrl+C or SIGTERM: a normal shutdown.
        }
    }

    return 0;
}
