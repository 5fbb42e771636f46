using System.Globalization;
using System.Net;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// The federation's network, built from namespaces this test owns (no address outside them is used): an on-premises
/// namespace with one link per cloud, each cloud's site namespace, and per cloud one namespace per agent process and
/// one for the in-process instances, each behind its own link to the site. Every cloud site answers its instances at
/// <see cref="RendezvousAddress"/> and accepts the on-premises leaf connection on <see cref="LeafPort"/>.
/// </summary>
/// <remarks>
/// The on-premises side is firewalled to outbound connections to <see cref="LeafPort"/> only: a connection from a
/// cloud is reset (and counted). Namespace names carry this process's id, so a run never meets another's. Should this
/// process end without disposing the network, a detached shell deletes its namespaces (<see cref="OwnerReaper"/>),
/// and a later run deletes whatever a crash left anyway (see <see cref="DeleteLeftoversAsync"/>).
/// </remarks>
internal sealed partial class FederationNetwork : IAsyncDisposable
{
    public const int LeafPort = 7422;
    public const string Prefix = "ccfed";
    private const string FirewallTable = "cloudconfig_firewall";
    private const string CutTablePrefix = "cloudconfig_cut_";
    private readonly List<string> _created = [];

    private FederationNetwork(string runId) => RunId = runId;

    /// <summary>Where every cloud's rendezvous server listens, on its site's loopback (each cloud has its own).</summary>
    public static IPAddress RendezvousAddress { get; } = IPAddress.Parse("10.99.0.1");

    public string RunId { get; }

    public NetworkNamespace OnPremises { get; private set; } = null!;

    public IReadOnlyList<CloudNetwork> Clouds { get; private set; } = [];

    public CloudNetwork this[string domain] => Clouds.Single(c => c.Domain == domain);

    /// <summary>Builds the network; on failure deletes what it had made.</summary>
    public static async Task<FederationNetwork> CreateAsync(IReadOnlyList<string> cloudDomains, int agentProcessesPerCloud)
    {
        await DeleteLeftoversAsync();
        var network = new FederationNetwork($"{Prefix}{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}x{Guid.NewGuid().ToString("N")[..6]}");
        // Should this process end without disposing the network (a cancelled run, a killed test host), the namespaces,
        // what runs in them, their links and firewall rules go with it, not at the next run.
        OwnerReaper.Start($"""
            for ns in $(ip netns list | cut -d' ' -f1 | grep '^{network.RunId}-'); do
              for pid in $(ip netns pids "$ns"); do kill -9 "$pid"; done
              ip netns del "$ns"
            done
            """);
        try
        {
            network.OnPremises = await network.AddAsync("onprem");
            var clouds = new List<CloudNetwork>();
            for (var c = 0; c < cloudDomains.Count; c++)
            {
                clouds.Add(await network.AddCloudAsync(cloudDomains[c], c + 1, agentProcessesPerCloud));
            }

            network.Clouds = clouds;
            await ApplyRulesAsync(network.OnPremises, FirewallRules());
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    /// <summary>Cuts the link to <paramref name="cloud"/>: every packet either way is dropped, as in a partition.</summary>
    public async Task CutAsync(string cloud)
    {
        var link = this[cloud].OnPremisesInterface;
        await ApplyRulesAsync(OnPremises, $$"""
            table inet {{CutTablePrefix}}{{link.Replace('-', '_')}} {
              chain inbound { type filter hook input priority -10; policy accept; iifname "{{link}}" drop; }
              chain outbound { type filter hook output priority -10; policy accept; oifname "{{link}}" drop; }
            }
            """);
    }

    /// <summary>Restores the link to <paramref name="cloud"/>.</summary>
    public Task RestoreAsync(string cloud) =>
        OnPremises.ExecAsync("nft", "delete", "table", "inet", CutTablePrefix + this[cloud].OnPremisesInterface.Replace('-', '_'));

    /// <summary>How many inbound connection attempts the on-premises firewall has reset so far.</summary>
    public async Task<long> RefusedInboundAsync()
    {
        var chain = await OnPremises.ExecAsync("nft", "list", "chain", "inet", FirewallTable, "inbound");
        var match = RefusedCounter().Match(chain);
        return match.Success ? long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : throw new InvalidOperationException($"No counter in:\n{chain}");
    }

    /// <summary>Kills what runs in this run's namespaces and deletes them (their interfaces and firewall rules go with them).</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var name in Enumerable.Reverse(_created))
        {
            await NetworkNamespace.DeleteAsync(name);
        }

        _created.Clear();
    }

    /// <summary>Deletes the namespaces of runs whose process is gone (a test process that crashed cannot clean up).</summary>
    public static async Task DeleteLeftoversAsync()
    {
        foreach (var name in await NetworkNamespace.ListAsync())
        {
            var owner = OwnerPid().Match(name);
            if (owner.Success && !Directory.Exists($"/proc/{owner.Groups[1].Value}"))
            {
                await NetworkNamespace.DeleteAsync(name);
            }
        }
    }

    private async Task<NetworkNamespace> AddAsync(string role)
    {
        var name = $"{RunId}-{role}";
        _created.Add(name);
        return await NetworkNamespace.CreateAsync(name);
    }

    private async Task<CloudNetwork> AddCloudAsync(string domain, int index, int agentProcesses)
    {
        var site = await AddAsync(domain);
        var onPremisesInterface = "to-" + domain;
        var onPremisesSide = Address($"10.90.{index}.1");
        var hubAddress = Address($"10.90.{index}.2");
        await LinkAsync(OnPremises, onPremisesInterface, onPremisesSide, site, "onprem", hubAddress, defaultRoute: false);
        await site.IpAsync("addr", "add", $"{RendezvousAddress}/32", "dev", "lo");
        var pool = await AddAsync($"{domain}-pool");
        var poolAddress = await LinkInstanceAsync(site, "pool", 250, pool);
        var instances = new List<InstanceNetwork>();
        for (var i = 0; i < agentProcesses; i++)
        {
            var instance = await AddAsync($"{domain}-i{i}");
            instances.Add(new InstanceNetwork(instance, await LinkInstanceAsync(site, $"i{i}", i, instance)));
        }

        return new CloudNetwork(domain, site, hubAddress, onPremisesSide, onPremisesInterface, pool, poolAddress, instances);
    }

    /// <summary>A /30 link from the site to an instance namespace, whose only route is through it.</summary>
    private static async Task<IPAddress> LinkInstanceAsync(NetworkNamespace site, string siteInterface, int subnet, NetworkNamespace instance)
    {
        var address = Address($"10.100.{subnet}.2");
        await LinkAsync(site, siteInterface, Address($"10.100.{subnet}.1"), instance, "eth0", address, defaultRoute: true);
        return address;
    }

    private static async Task LinkAsync(NetworkNamespace a, string aName, IPAddress aAddress, NetworkNamespace b, string bName, IPAddress bAddress, bool defaultRoute)
    {
        await a.IpAsync("link", "add", aName, "type", "veth", "peer", "name", bName, "netns", b.Name);
        await a.IpAsync("addr", "add", $"{aAddress}/30", "dev", aName);
        await b.IpAsync("addr", "add", $"{bAddress}/30", "dev", bName);
        await a.IpAsync("link", "set", aName, "up");
        await b.IpAsync("link", "set", bName, "up");
        if (defaultRoute)
        {
            await b.IpAsync("route", "add", "default", "via", aAddress.ToString());
        }
    }

    /// <summary>In: loopback and answers only; any other connection is reset and counted. Out: loopback, answers, leaf connections.</summary>
    private static string FirewallRules() => $$"""
        table inet {{FirewallTable}} {
          chain inbound {
            type filter hook input priority 0; policy drop;
            iifname "lo" accept
            ct state established,related accept
            meta l4proto tcp counter reject with tcp reset
          }
          chain outbound {
            type filter hook output priority 0; policy drop;
            oifname "lo" accept
            ct state established,related accept
            tcp dport {{LeafPort}} accept
          }
        }
        """;

    private static async Task ApplyRulesAsync(NetworkNamespace where, string rules)
    {
        var path = Path.Combine(Path.GetTempPath(), $"cloudconfig-nft-{Guid.NewGuid():N}.nft");
        await File.WriteAllTextAsync(path, rules);
        try
        {
            await where.ExecAsync("nft", "-f", path);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static IPAddress Address(string text) => IPAddress.Parse(text);

    [System.Text.RegularExpressions.GeneratedRegex(@"counter packets (\d+)")]
    private static partial System.Text.RegularExpressions.Regex RefusedCounter();

    [System.Text.RegularExpressions.GeneratedRegex($@"^{Prefix}(\d+)x")]
    private static partial System.Text.RegularExpressions.Regex OwnerPid();
}
