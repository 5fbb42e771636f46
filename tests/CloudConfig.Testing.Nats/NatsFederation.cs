using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CloudConfig.Cache.Nats;
using NATS.Client.Core;
using NATS.Client.JetStream;

namespace CloudConfig.Testing.Nats;

/// <summary>
/// An on-premises site and its clouds on loopback, configured by the package's own generators
/// (<see cref="NatsOnPremisesConfiguration"/>, <see cref="NatsCloudHubConfiguration"/>): each site its own JetStream
/// domain, the on-premises server a leaf node dialling out to every hub through a <see cref="TcpLinkProxy"/> that a
/// test can cut, one on-premises account per cloud. Gives the options an app's registry and each cloud's cache need,
/// and waits for links and mirrors to settle. Everything is killed and deleted on dispose.
/// </summary>
public sealed class NatsFederation : IAsyncDisposable
{
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan LinkedWithin = TimeSpan.FromSeconds(2);
    private readonly Dictionary<string, NatsConnection> _probes = new(StringComparer.Ordinal);
    private readonly List<NatsFederationCloud> _clouds;

    private NatsFederation(string onPremisesDomain, NatsServer onPremises, List<NatsFederationCloud> clouds)
    {
        OnPremisesDomain = onPremisesDomain;
        OnPremises = onPremises;
        _clouds = clouds;
    }

    /// <summary>The on-premises JetStream domain.</summary>
    public string OnPremisesDomain { get; }

    /// <summary>The on-premises server.</summary>
    public NatsServer OnPremises { get; }

    /// <summary>The clouds, in the order given.</summary>
    public IReadOnlyList<NatsFederationCloud> Clouds => _clouds;

    /// <summary>The cloud with JetStream domain <paramref name="domain"/>.</summary>
    public NatsFederationCloud this[string domain] => _clouds.Single(c => c.Domain == domain);

    /// <summary>Starts one hub per cloud, then the on-premises server, and waits until every link is up.</summary>
    public static async Task<NatsFederation> StartAsync(IReadOnlyList<string> cloudDomains, string onPremisesDomain = "onprem", CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cloudDomains);
        var clouds = new List<NatsFederationCloud>();
        NatsServer? onPremises = null;
        try
        {
            foreach (var domain in cloudDomains)
            {
                clouds.Add(await StartCloudAsync(domain, cancellationToken).ConfigureAwait(false));
            }

            onPremises = await NatsServer.StartAsync(onPremisesDomain, ports => new NatsOnPremisesConfiguration
            {
                ServerName = onPremisesDomain,
                JetStreamDomain = onPremisesDomain,
                StoreDirectory = ports.StoreDirectory,
                ClientListen = $"127.0.0.1:{ports.Client}",
                MonitorListen = $"127.0.0.1:{ports.Monitor}",
                Clouds = [.. clouds.Select(c => new NatsCloudRemote
                {
                    JetStreamDomain = c.Domain,
                    HubLeafAddresses = [$"127.0.0.1:{c.Link.Port}"],
                    LeafUser = c.LeafUser,
                    AppUser = c.AppUser,
                })],
            }.Render(), cancellationToken).ConfigureAwait(false);
            var federation = new NatsFederation(onPremisesDomain, onPremises, clouds);
            await federation.WaitUntilLinkedAsync(clouds.Count, cancellationToken).ConfigureAwait(false);
            return federation;
        }
        catch
        {
            if (onPremises is not null)
            {
                await onPremises.DisposeAsync().ConfigureAwait(false);
            }

            foreach (var cloud in clouds)
            {
                await DisposeCloudAsync(cloud).ConfigureAwait(false);
            }

            throw;
        }
    }

    /// <summary>The options of the app's registry link to <paramref name="cloud"/>, connecting on premises as its account's user.</summary>
    public NatsCloudLinkOptions LinkOptions(string cloud)
    {
        var c = this[cloud];
        return new NatsCloudLinkOptions { Domain = c.Domain, JetStreamDomain = c.Domain, Url = OnPremises.Url, Username = c.AppUser.User, Password = c.AppUser.Password };
    }

    /// <summary>Points a cache's options at <paramref name="cloud"/>'s hub as a cloud site of this federation.</summary>
    public void ConfigureCloudCache(string cloud, NatsConfigCacheOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var c = this[cloud];
        options.Url = c.Hub.Url;
        options.Username = c.RendezvousUser.User;
        options.Password = c.RendezvousUser.Password;
        options.OnPremisesDomain = OnPremisesDomain;
    }

    /// <summary>How many leaf links the on-premises server has up now (its monitoring endpoint's count).</summary>
    public async Task<int> LinkedCloudCountAsync(CancellationToken cancellationToken = default)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var leafz = await http.GetFromJsonAsync<JsonDocument>($"http://127.0.0.1:{OnPremises.Ports.Monitor}/leafz", cancellationToken).ConfigureAwait(false);
        return leafz!.RootElement.GetProperty("leafnodes").GetInt32();
    }

    /// <summary>Waits until <paramref name="count"/> leaf links are up.</summary>
    public async Task WaitUntilLinkedAsync(int count, CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        while (await LinkedCloudCountAsync(cancellationToken).ConfigureAwait(false) != count)
        {
            if (Stopwatch.GetElapsedTime(started) > SettleDeadline)
            {
                throw new TimeoutException($"The on-premises server did not reach {count} leaf links within {SettleDeadline}. Its log:\n{OnPremises.Log}");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Waits until both directions of <paramref name="cloud"/>'s link have caught up for the buckets named by
    /// <paramref name="bucketPrefix"/>: the cloud's mirrors hold everything registered on premises so far, and the
    /// on-premises mirror holds everything the cloud's instances did so far. Mirrors keep their origin's sequence
    /// numbers, so "caught up" is "the mirror has heard from its origin and its last sequence reached the origin's".
    /// Both sites must have opened their buckets (a mirror exists only once its site created it).
    /// </summary>
    public async Task SettleAsync(string cloud, string bucketPrefix, CancellationToken cancellationToken = default)
    {
        var onPremises = OnPremisesProbe(cloud);
        var hub = HubProbe(cloud);
        await CatchUpAsync(onPremises, hub, $"KV_{bucketPrefix}-entries", cancellationToken).ConfigureAwait(false);
        await CatchUpAsync(onPremises, hub, $"KV_{bucketPrefix}-pools", cancellationToken).ConfigureAwait(false);
        await CatchUpAsync(hub, onPremises, $"KV_{bucketPrefix}-instances", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A JetStream context on premises in <paramref name="cloud"/>'s account (as the app's user).</summary>
    public INatsJSContext OnPremisesProbe(string cloud) => new NatsJSContext(Probe("onprem/" + cloud, OnPremises.Url, this[cloud].AppUser));

    /// <summary>A JetStream context on <paramref name="cloud"/>'s hub (as the rendezvous user).</summary>
    public INatsJSContext HubProbe(string cloud) => new NatsJSContext(Probe("hub/" + cloud, this[cloud].Hub.Url, this[cloud].RendezvousUser));

    public async ValueTask DisposeAsync()
    {
        foreach (var probe in _probes.Values)
        {
            await probe.DisposeAsync().ConfigureAwait(false);
        }

        await OnPremises.DisposeAsync().ConfigureAwait(false);
        foreach (var cloud in _clouds)
        {
            await DisposeCloudAsync(cloud).ConfigureAwait(false);
        }
    }

    private NatsConnection Probe(string name, string url, NatsUserCredential user)
    {
        lock (_probes)
        {
            if (!_probes.TryGetValue(name, out var connection))
            {
                connection = new NatsConnection(new NatsOpts { Url = url, AuthOpts = new NatsAuthOpts { Username = user.User, Password = user.Password } });
                _probes[name] = connection;
            }

            return connection;
        }
    }

    private static async Task CatchUpAsync(INatsJSContext origin, INatsJSContext mirror, string stream, CancellationToken cancellationToken)
    {
        var target = await LastSequenceAsync(origin, stream, cancellationToken).ConfigureAwait(false);
        var started = Stopwatch.GetTimestamp();
        while (target is not null && !await HasCaughtUpAsync(mirror, stream, target.Value, cancellationToken).ConfigureAwait(false))
        {
            if (Stopwatch.GetElapsedTime(started) > SettleDeadline)
            {
                throw new TimeoutException($"The mirror of {stream} did not reach sequence {target} within {SettleDeadline}: {await DescribeAsync(mirror, stream, cancellationToken).ConfigureAwait(false)}");
            }

            await Task.Delay(5, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Whether the mirror exists, has heard from its origin (so it is linked) and has reached <paramref name="target"/>.</summary>
    private static async Task<bool> HasCaughtUpAsync(INatsJSContext mirror, string stream, ulong target, CancellationToken cancellationToken)
    {
        try
        {
            var info = (await mirror.GetStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false)).Info;
            // Linked: a linked mirror hears from its origin (data or heartbeat) about once a second.
            return info.State.LastSeq >= target && info.Mirror is { Active: { } active, Lag: 0, Error: null } && active < LinkedWithin;
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            return false;
        }
    }

    private static async Task<string> DescribeAsync(INatsJSContext js, string stream, CancellationToken cancellationToken)
    {
        try
        {
            var info = (await js.GetStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false)).Info;
            return $"it is at {info.State.LastSeq}, last active {info.Mirror?.Active} ago, lag {info.Mirror?.Lag}, error '{info.Mirror?.Error?.Description}'.";
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            return "it does not exist (has that site used its buckets yet?).";
        }
    }

    private static async Task<ulong?> LastSequenceAsync(INatsJSContext js, string stream, CancellationToken cancellationToken)
    {
        try
        {
            return (await js.GetStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false)).Info.State.LastSeq;
        }
        catch (NatsJSApiException e) when (e.Error.Code == 404)
        {
            return null;
        }
    }

    private static async Task<NatsFederationCloud> StartCloudAsync(string domain, CancellationToken cancellationToken)
    {
        var rendezvous = new NatsUserCredential("rendezvous", NewPassword());
        var leaf = new NatsUserCredential("onprem-leaf", NewPassword());
        var app = new NatsUserCredential("app-" + domain, NewPassword());
        TcpLinkProxy? link = null;
        var hub = await NatsServer.StartAsync(domain, ports => new NatsCloudHubConfiguration
        {
            // The leaf reconnects to advertised addresses too: advertise the proxy, or a cut would be bypassed.
            LeafAdvertise = $"127.0.0.1:{(link ??= TcpLinkProxy.Start(ports.LeafNode)).Port}",
            ServerName = domain,
            JetStreamDomain = domain,
            StoreDirectory = ports.StoreDirectory,
            ClientListen = $"127.0.0.1:{ports.Client}",
            LeafListen = $"127.0.0.1:{ports.LeafNode}",
            MonitorListen = $"127.0.0.1:{ports.Monitor}",
            RendezvousUser = rendezvous,
            LeafUser = leaf,
        }.Render(), cancellationToken).ConfigureAwait(false);
        return new NatsFederationCloud(domain, hub, link!, rendezvous, leaf, app);
    }

    private static async Task DisposeCloudAsync(NatsFederationCloud cloud)
    {
        await cloud.Link.DisposeAsync().ConfigureAwait(false);
        await cloud.Hub.DisposeAsync().ConfigureAwait(false);
    }

    // Quotes, a backslash and a dollar sign: the generated configuration must carry any password intact.
    private static string NewPassword() => "p\"w\\$" + Guid.NewGuid().ToString("N");
}
