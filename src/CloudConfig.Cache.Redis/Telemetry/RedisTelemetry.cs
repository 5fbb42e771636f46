using System.Diagnostics.Metrics;
using System.Net;
using CloudConfig.Core;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

/// <summary>
/// The name of the Redis cache's activity source and meter, and what its spans say of the Redis they talk to: the
/// first configured endpoint and the database index, read from the options (never the password).
/// </summary>
internal static class RedisTelemetry
{
    public const string Name = "CloudConfig.Cache.Redis";

    private const int DefaultPort = 6379;
    private const int DefaultTlsPort = 6380;

    public static CacheTelemetry Create(RedisConfigCacheOptions options, IMeterFactory? meterFactory) =>
        CacheTelemetry.For(Name, Backend(options), meterFactory);

    /// <summary>What the spans say of the Redis that <paramref name="options"/> name.</summary>
    public static CacheBackend Backend(RedisConfigCacheOptions options)
    {
        if (options.ConnectionMultiplexer is { } shared)
        {
            // The shared connection's configuration is not ours to read; its endpoints are, without a round trip.
            var (host, port) = HostAndPort(shared.GetEndPoints(configuredOnly: true).FirstOrDefault(), tls: false);
            return new CacheBackend("redis", null, host, port);
        }

        var configuration = ConfigurationOptions.Parse(options.Configuration!);
        var (address, serverPort) = HostAndPort(configuration.EndPoints.FirstOrDefault(), configuration.Ssl);
        return new CacheBackend(
            "redis",
            (configuration.DefaultDatabase ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            address,
            serverPort);
    }

    private static (string? Host, int? Port) HostAndPort(EndPoint? endpoint, bool tls)
    {
        var (host, port) = endpoint switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            _ => ((string?)null, 0),
        };
        return host is null ? (null, null) : (host, port != 0 ? port : tls ? DefaultTlsPort : DefaultPort);
    }
}
