using System.Diagnostics.Metrics;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// The name of the NATS cache's activity source and meter, and what its spans say of the server they talk to: the
/// first configured server's host and port (never its user or password) and the bucket prefix.
/// </summary>
internal static class NatsTelemetry
{
    public const string Name = "CloudConfig.Cache.Nats";

    private const int DefaultPort = 4222;

    public static CacheTelemetry Create(NatsConfigCacheOptions options, IMeterFactory? meterFactory) =>
        CacheTelemetry.For(Name, Backend(options), meterFactory);

    /// <summary>What the spans say of the server that <paramref name="options"/> name.</summary>
    public static CacheBackend Backend(NatsConfigCacheOptions options)
    {
        var (host, port) = HostAndPort(options.Connection?.Opts.Url ?? options.Url);
        return new CacheBackend("nats", options.BucketPrefix, host, port);
    }

    // The first of the comma-separated server URLs; a URL without a scheme is read as nats://.
    private static (string? Host, int? Port) HostAndPort(string? urls)
    {
        var first = urls?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        if (first is null || !Uri.TryCreate(first.Contains("://", StringComparison.Ordinal) ? first : "nats://" + first, UriKind.Absolute, out var uri) || uri.Host.Length == 0)
        {
            return (null, null);
        }

        var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host.Trim('[', ']') : uri.Host;
        return (host, uri.Port > 0 ? uri.Port : DefaultPort);
    }
}
