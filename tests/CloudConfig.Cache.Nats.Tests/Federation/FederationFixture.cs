using CloudConfig.Cache.Conformance;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>
/// One on-premises site and two clouds (<c>cloud-a</c>, <c>cloud-b</c>) on loopback for the federation tests. Each
/// registry and cloud cache it hands out uses a fresh bucket prefix, so tests never see each other's entries; tests
/// that cut a link restore it before they end.
/// </summary>
public sealed class FederationFixture : IAsyncLifetime
{
    public const string CloudA = "cloud-a";
    public const string CloudB = "cloud-b";

    public NatsFederation Federation { get; private set; } = null!;

    public async Task InitializeAsync() => Federation = await NatsFederation.StartAsync([CloudA, CloudB]);

    public async Task DisposeAsync()
    {
        if (Federation is not null)
        {
            await Federation.DisposeAsync();
        }
    }

    /// <summary>The app's registry over both clouds; <paramref name="defaultDomain"/> takes unrouted domains.</summary>
    public FederatedConfigRegistry CreateRegistry(string prefix, TimeProvider? time = null, ConfigCacheLimits? limits = null, string? defaultDomain = null, Action<FederatedConfigRegistryOptions>? configure = null)
    {
        var options = new FederatedConfigRegistryOptions
        {
            BucketPrefix = prefix,
            Limits = limits ?? ConfigCacheConformanceTests.Limits,
            OperationTimeout = TimeSpan.FromSeconds(10),
            DefaultDomain = defaultDomain,
            LinkStatusInterval = TimeSpan.Zero,
        };
        options.Clouds.Add(Federation.LinkOptions(CloudA));
        options.Clouds.Add(Federation.LinkOptions(CloudB));
        configure?.Invoke(options);
        return new FederatedConfigRegistry(Options.Create(options), time);
    }

    /// <summary>
    /// The cache a cloud's rendezvous server runs on. Its mirrors count as cut off only after 30 s without a word
    /// (not the default 5 s), so a busy CI machine delaying heartbeats does not turn refusals into "try again";
    /// the link-cut tests set their own.
    /// </summary>
    public NatsConfigCache CreateCloudCache(string cloud, string prefix, TimeProvider? time = null, ConfigCacheLimits? limits = null, Action<NatsConfigCacheOptions>? configure = null)
    {
        var options = new NatsConfigCacheOptions
        {
            BucketPrefix = prefix,
            Limits = limits ?? ConfigCacheConformanceTests.Limits,
            OperationTimeout = TimeSpan.FromSeconds(10),
            MirrorStaleAfter = TimeSpan.FromSeconds(30),
        };
        Federation.ConfigureCloudCache(cloud, options);
        configure?.Invoke(options);
        return new NatsConfigCache(Options.Create(options), time);
    }
}
