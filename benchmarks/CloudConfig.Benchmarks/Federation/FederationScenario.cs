using System.Diagnostics;
using CloudConfig.Cache.Nats;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using Microsoft.Extensions.Options;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;
using NATS.Net;

namespace CloudConfig.Benchmarks.Federation;

/// <summary>
/// One federated pair on loopback for the federation benchmarks: an on-premises nats-server dialling out to one
/// cloud's hub through a cuttable TCP forwarder, the app's registry on premises and the rendezvous point's cache in
/// the cloud (each with its own bucket prefix, so the quick mode's two figures do not share buckets).
/// </summary>
internal sealed class FederationScenario : IAsyncDisposable
{
    public const string Cloud = "cloud-a";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly string _prefix;

    private FederationScenario(NatsFederation federation, string prefix)
    {
        Federation = federation;
        _prefix = prefix;
        var registryOptions = new FederatedConfigRegistryOptions { BucketPrefix = prefix, LinkStatusInterval = TimeSpan.Zero, OperationTimeout = TimeSpan.FromSeconds(30) };
        registryOptions.Clouds.Add(federation.LinkOptions(Cloud));
        Registry = new FederatedConfigRegistry(Options.Create(registryOptions));
        var cacheOptions = new NatsConfigCacheOptions { BucketPrefix = prefix, OperationTimeout = TimeSpan.FromSeconds(30) };
        federation.ConfigureCloudCache(Cloud, cacheOptions);
        CloudCache = new NatsConfigCache(Options.Create(cacheOptions));
    }

    public NatsFederation Federation { get; }

    /// <summary>The app's registry, on premises.</summary>
    public FederatedConfigRegistry Registry { get; }

    /// <summary>The cloud rendezvous point's cache.</summary>
    public NatsConfigCache CloudCache { get; }

    public TcpLinkProxy Link => Federation[Cloud].Link;

    /// <summary>Opens both sites' buckets (a mirror exists once its site made it) and waits until the link has settled.</summary>
    public static async Task<FederationScenario> OpenAsync(NatsFederation federation, string prefix, CancellationToken cancellationToken)
    {
        var scenario = new FederationScenario(federation, prefix);
        await scenario.Registry.GetAsync(Guid.NewGuid(), cancellationToken);
        await scenario.CloudCache.GetAsync(Guid.NewGuid(), cancellationToken);
        await scenario.SettleAsync(cancellationToken);
        return scenario;
    }

    public Task SettleAsync(CancellationToken cancellationToken) => Federation.SettleAsync(Cloud, _prefix, cancellationToken);

    /// <summary>Registers <paramref name="count"/> entries on premises, lets them reach the cloud, and claims each there as its agent would.</summary>
    public async Task<(Guid Uuid, Secret TrustKey)[]> BootAsync(int count, CancellationToken cancellationToken)
    {
        var registered = new (Guid Uuid, Secret BootSecret)[count];
        for (var i = 0; i < count; i++)
        {
            registered[i] = (Guid.NewGuid(), Secret.Generate());
            await Registry.PreRegisterAsync(Registration(registered[i].Uuid, registered[i].BootSecret, i), cancellationToken);
        }

        await SettleAsync(cancellationToken);
        var running = new (Guid, Secret)[count];
        for (var i = 0; i < count; i++)
        {
            running[i] = (registered[i].Uuid, Secret.Generate());
            await CloudCache.FetchAsync(registered[i].Uuid, InstanceCredential.FirstContact(registered[i].BootSecret, running[i].Item2), cancellationToken);
        }

        await SettleAsync(cancellationToken);
        return running;
    }

    /// <summary>The instance reports <c>n</c>; returns once the app's registry on premises shows that report.</summary>
    public async Task ReportUntilVisibleAsync(Guid uuid, Secret trustKey, long n, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var expected = ParameterValue.FromInteger(n);
        var report = new InstanceReport(new InstanceStatus(InstanceState.Configured, 0))
        {
            Address = "10.0.0.1",
            Parameters = new Dictionary<string, ParameterValue> { ["n"] = expected },
        };
        await CloudCache.UpdateCacheAsync(uuid, trustKey, report, cancellationToken);
        while (!((await Registry.GetAsync(uuid, cancellationToken))!.Parameters.TryGetValue("n", out var seen) && seen == expected))
        {
            EnsureWithinDeadline(started, "a report to reach the registry on premises");
        }
    }

    /// <summary>The engine alone: a raw key-value put at the hub, until the on-premises mirror has it.</summary>
    public async Task RawPutUntilMirroredAsync(INatsKVStore hub, INatsKVStore onPremisesMirror, string key, int n, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var revision = await hub.PutAsync(key, BitConverter.GetBytes(n), cancellationToken: cancellationToken);
        while (!(await onPremisesMirror.TryGetEntryAsync<byte[]>(key, cancellationToken: cancellationToken) is { Success: true } read && read.Value.Revision >= revision))
        {
            EnsureWithinDeadline(started, "a raw put to reach the mirror");
        }
    }

    /// <summary>The instances bucket at the hub and its mirror on premises, for <see cref="RawPutUntilMirroredAsync"/>.</summary>
    public async Task<(INatsKVStore Hub, INatsKVStore OnPremisesMirror)> InstanceStoresAsync(CancellationToken cancellationToken) =>
        (await Federation.HubProbe(Cloud).CreateKeyValueStoreContext().GetStoreAsync($"{_prefix}-instances", cancellationToken),
         await Federation.OnPremisesProbe(Cloud).CreateKeyValueStoreContext().GetStoreAsync($"{_prefix}-instances", cancellationToken));

    /// <summary>Cuts the link, registers <paramref name="count"/> entries on premises, and checks that none reached the cloud: the outage held.</summary>
    public async Task<(Guid Uuid, Secret BootSecret)[]> RegisterDuringOutageAsync(int count, int concurrency, CancellationToken cancellationToken)
    {
        var before = await EntriesSequenceAsync(Federation.HubProbe(Cloud), cancellationToken);
        var registered = new (Guid Uuid, Secret BootSecret)[count];
        Link.Cut();
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            registered[i] = (Guid.NewGuid(), Secret.Generate());
            await Registry.PreRegisterAsync(Registration(registered[i].Uuid, registered[i].BootSecret, i), ct);
        });
        if (await EntriesSequenceAsync(Federation.HubProbe(Cloud), cancellationToken) != before)
        {
            throw new InvalidOperationException("Registrations reached the cloud while the link was cut: the outage did not hold.");
        }

        return registered;
    }

    /// <summary>How far the on-premises entries bucket has got: what the cloud's mirror must reach.</summary>
    public Task<ulong> OnPremisesEntriesSequenceAsync(CancellationToken cancellationToken) => EntriesSequenceAsync(Federation.OnPremisesProbe(Cloud), cancellationToken);

    /// <summary>Waits until the cloud's mirror of the entries bucket has reached <paramref name="target"/> (the engine's part of a catch-up).</summary>
    public async Task WaitForCloudMirrorAsync(ulong target, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (await EntriesSequenceAsync(Federation.HubProbe(Cloud), cancellationToken) < target)
        {
            EnsureWithinDeadline(started, "the cloud's mirror to catch up");
            await Task.Delay(5, cancellationToken);
        }
    }

    /// <summary>Waits until the cloud's rendezvous point sees every one of <paramref name="uuids"/> (reads them as a fetch does).</summary>
    public async Task WaitUntilInCloudAsync(IEnumerable<Guid> uuids, int concurrency, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var missing = uuids.ToList();
        while (missing.Count > 0)
        {
            EnsureWithinDeadline(started, "every entry to be there in the cloud");
            var found = new bool[missing.Count];
            await Parallel.ForAsync(0, missing.Count, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
                found[i] = await CloudCache.GetAsync(missing[i], ct) is not null);
            missing = [.. missing.Where((_, i) => !found[i])];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Registry.DisposeAsync();
        await CloudCache.DisposeAsync();
    }

    private static ConfigRegistration Registration(Guid uuid, Secret bootSecret, int i) =>
        ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText($"echo {i}"), bootSecret) with { Domain = Cloud };

    private async Task<ulong> EntriesSequenceAsync(INatsJSContext site, CancellationToken cancellationToken) =>
        (await site.GetStreamAsync($"KV_{_prefix}-entries", cancellationToken: cancellationToken)).Info.State.LastSeq;

    private static void EnsureWithinDeadline(long started, string what)
    {
        if (Stopwatch.GetElapsedTime(started) > Deadline)
        {
            throw new TimeoutException($"Waited over {Deadline} for {what}.");
        }
    }
}
