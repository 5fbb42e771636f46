using System.CommandLine;
using System.Security.Cryptography.X509Certificates;
using CloudConfig.Cache.InMemory;
using CloudConfig.Cache.Nats;
using CloudConfig.Cache.Redis;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using CloudConfig.Samples.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

// Environment: CLOUDCONFIG_API_KEY (required), CLOUDCONFIG_CERTIFICATE (a PKCS#12 file, for https URLs),
// CLOUDCONFIG_REDIS (instead of --redis, for a connection string with a password: a command line is public),
// CLOUDCONFIG_NATS (instead of --nats), CLOUDCONFIG_NATS_USER and CLOUDCONFIG_NATS_PASSWORD (the NATS user).
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
var nats = new Option<string?>("--nats")
{
    Description = "Keep entries in NATS JetStream (server URLs, such as nats://127.0.0.1:4222) instead of in memory; or set CLOUDCONFIG_NATS. The user and password come from CLOUDCONFIG_NATS_USER and CLOUDCONFIG_NATS_PASSWORD.",
};
nats.Validators.Add(result =>
{
    if (string.IsNullOrWhiteSpace(result.GetValue(nats)))
    {
        result.AddError("--nats needs a server URL, such as nats://127.0.0.1:4222.");
    }
});
var onPremisesDomain = new Option<string?>("--nats-on-premises-domain")
{
    Description = "With --nats: this server is a cloud site of a federation, reading registrations mirrored from the on-premises JetStream domain given here.",
};
var bucketPrefix = new Option<string?>("--nats-bucket-prefix")
{
    Description = $"With --nats: the buckets' prefix (default {NatsStoreOptions.DefaultBucketPrefix}), the same at every site of a federation.",
};
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
    "Runs a CloudConfig rendezvous server over an in-memory cache, over Redis, or over NATS JetStream (also as a cloud site of a federation). Needs CLOUDCONFIG_API_KEY; "
    + "CLOUDCONFIG_CERTIFICATE names a PKCS#12 file for https URLs. Exit codes: 0 after Ctrl+C or SIGTERM, 2 usage error or invalid options.")
{
    redis, nats, onPremisesDomain, bucketPrefix, urls,
};
// Whether each option was given, not its value: an option given without its value is reported by its own validator.
command.Validators.Add(result =>
{
    if (result.GetResult(redis) is not null && result.GetResult(nats) is not null)
    {
        result.AddError("Give --redis or --nats, not both.");
    }

    if (result.GetResult(nats) is null && (result.GetResult(onPremisesDomain) is not null || result.GetResult(bucketPrefix) is not null))
    {
        result.AddError("--nats-on-premises-domain and --nats-bucket-prefix need --nats.");
    }
});
command.SetAction((parse, stopping) =>
{
    var redisValue = parse.GetValue(redis);
    var natsValue = parse.GetValue(nats);
    if (redisValue is null && natsValue is null)
    {
        redisValue = FromEnvironment("CLOUDCONFIG_REDIS");
        natsValue = redisValue is null ? FromEnvironment("CLOUDCONFIG_NATS") : null;
    }

    var natsSite = natsValue is null ? null : new NatsSiteChoice(natsValue, parse.GetValue(onPremisesDomain), parse.GetValue(bucketPrefix));
    return RunAsync(redisValue, natsSite, parse.GetValue(urls) ?? [], stopping);
});
return await SampleCommandLine.RunAsync(command, args);

static string? FromEnvironment(string name) => Environment.GetEnvironmentVariable(name) is { Length: > 0 } value ? value : null;

static async Task<int> RunAsync(string? redis, NatsSiteChoice? nats, string[] urls, CancellationToken stopping)
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

    if (redis is not null)
    {
        // Every server started with the same Redis (and key prefix) serves the same entries: run several behind one address.
        // Readiness (/v1/health/ready) then also pings Redis and reports the round trip.
        options.ConfigureBuilder = builder =>
        {
            builder.Services.AddRedisConfigCache(o => o.Configuration = redis);
            builder.Services.AddHealthChecks().AddRedisConfigCacheCheck();
        };
    }
    else if (nats is not null)
    {
        // Likewise for NATS; with an on-premises domain, a federation's cloud site over mirrored registrations.
        // Readiness then also pings NATS, asks its JetStream, and reports the round trip.
        options.ConfigureBuilder = builder =>
        {
            builder.Services.AddNatsConfigCache(nats.Configure);
            builder.Services.AddHealthChecks().AddNatsConfigCacheCheck();
        };
    }
    else
    {
        // The server makes no cache of its own: this one is chosen here, on purpose.
        options.Cache = new InMemoryConfigCache();
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
        Console.WriteLine(
            redis is not null ? $"Cache: Redis (key prefix '{RedisConfigCacheOptions.DefaultKeyPrefix}')"
            : nats is not null ? nats.Describe()
            : "Cache: in memory (entries are lost when the server stops)");
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

/// <summary>The NATS site the server keeps its entries on: where, as whom (from the environment), and which part of a federation it is.</summary>
internal sealed record NatsSiteChoice(string Url, string? OnPremisesDomain, string? BucketPrefix)
{
    public void Configure(NatsConfigCacheOptions options)
    {
        options.Url = Url;
        options.Username = Environment.GetEnvironmentVariable("CLOUDCONFIG_NATS_USER") is { Length: > 0 } user ? user : null;
        options.Password = Environment.GetEnvironmentVariable("CLOUDCONFIG_NATS_PASSWORD") is { Length: > 0 } password ? password : null;
        options.OnPremisesDomain = OnPremisesDomain;
        options.BucketPrefix = BucketPrefix ?? NatsStoreOptions.DefaultBucketPrefix;
    }

    // Never the URL: it may carry a user and password.
    public string Describe() =>
        $"Cache: NATS JetStream (bucket prefix '{BucketPrefix ?? NatsStoreOptions.DefaultBucketPrefix}')"
        + (OnPremisesDomain is null ? "" : $", a cloud site of the federation whose on-premises domain is '{OnPremisesDomain}'");
}
