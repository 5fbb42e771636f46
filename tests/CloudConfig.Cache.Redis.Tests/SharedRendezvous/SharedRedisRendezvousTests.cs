using System.Diagnostics;
using System.Runtime.Versioning;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;

namespace CloudConfig.Cache.Redis.Tests.SharedRendezvous;

/// <summary>
/// Issue 6 end to end: two rendezvous servers on different loopback ports sharing one real Redis, with real agents
/// split between them. Whatever happens through one server is seen through the other.
/// </summary>
[Collection(RedisCollection.Name)]
[SupportedOSPlatform("linux")]
public sealed class SharedRedisRendezvousTests(RedisServerFixture redis) : IAsyncLifetime
{
    private const int Agents = 10;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private SharedRendezvousPair _pair = null!;
    private AgentFleet _fleet = null!;
    private RendezvousConfigCache[] _apps = null!;

    public async Task InitializeAsync()
    {
        _pair = await SharedRendezvousPair.StartAsync(redis.Server, RedisServerFixture.NewPrefix());
        _apps = [_pair.AppClient(0), _pair.AppClient(1)];
        _fleet = new AgentFleet();
    }

    public async Task DisposeAsync()
    {
        // Agents first, so the servers are not left holding their long polls.
        await _fleet.DisposeAsync();
        await _pair.DisposeAsync();
    }

    [Fact]
    public async Task Run_AgentsSplitAcrossTwoServersOnOneRedis_ReportsReadableThroughEitherAndUpdatesCrossServers()
    {
        var uuids = new Guid[Agents];
        for (var i = 0; i < Agents; i++)
        {
            var server = ServerOf(i);
            var secret = Secret.Generate();
            uuids[i] = Guid.NewGuid();
            // Registered through the OTHER server than the one the agent's boot string names.
            await _apps[1 - server].PreRegisterAsync(ConfigRegistration.ForBootSecret(uuids[i], Role($"role-{i}"), secret));
            var bootString = BootString.Create(uuids[i], _pair.Address(server), secret).Format();
            _ = _fleet.Start(i, o =>
            {
                o.BootString = bootString;
                o.Command = _fleet.Script;
            });
        }

        await WaitUntilAsync(() => AllAppliedAsync(uuids, generation: 1));

        for (var i = 0; i < Agents; i++)
        {
            var throughFirst = await _apps[0].GetAsync(uuids[i]);
            var throughSecond = await _apps[1].GetAsync(uuids[i]);
            foreach (var entry in new[] { throughFirst!, throughSecond! })
            {
                Assert.Equal(InstanceState.Configured, entry.Status.State);
                Assert.Equal(0, entry.Status.ExitCode);
                Assert.Equal(AgentFleet.AddressOf(i), entry.Address);
                Assert.Equal(ParameterValue.FromString($"role-{i}"), entry.Parameters["role"]);
                Assert.True(entry.IsClaimed);
                Assert.Equal(0, entry.BootSecretReplays);
            }

            Assert.Equal(throughFirst!.Status, throughSecond!.Status);
            Assert.Equal(throughFirst.FirstContactAt, throughSecond.FirstContactAt);
        }

        Assert.Equal(uuids.Order(), (await ListAsync(_apps[0])).Select(e => e.Uuid).Order());
        Assert.Equal(uuids.Order(), (await ListAsync(_apps[1])).Select(e => e.Uuid).Order());

        // Every agent is now parked in a long poll on its own server (a signal per entry in that server's cache).
        // The polls last five minutes, so an agent can only learn of the update in time by being woken, and the
        // update goes through the other server: the wake-up must cross processes through Redis pub/sub.
        await WaitUntilAsync(() => Task.FromResult(_pair.Cache(0).ChangeSignalCount == Agents / 2 && _pair.Cache(1).ChangeSignalCount == Agents / 2));
        for (var i = 0; i < Agents; i++)
        {
            var updated = await _apps[1 - ServerOf(i)].UpdateConfigurationAsync(uuids[i], Role($"role-{i}-v2"));
            Assert.Equal(2, updated.Generation);
        }

        await WaitUntilAsync(() => AllAppliedAsync(uuids, generation: 2));
        for (var i = 0; i < Agents; i++)
        {
            var entry = await _apps[ServerOf(i)].GetAsync(uuids[i]);
            Assert.Equal(InstanceState.Configured, entry!.Status.State);
            Assert.Equal(2, entry.Status.AppliedGeneration);
            Assert.Equal(ParameterValue.FromString($"role-{i}-v2"), entry.Parameters["role"]);
        }
    }

    [Fact]
    public async Task AssignDynamic_PoolSharedByTwoServers_AgentsOnBothClaimEachEntryExactlyOnce()
    {
        var credential = Secret.Generate();
        var uuids = new Guid[Agents];
        for (var i = 0; i < Agents; i++)
        {
            uuids[i] = Guid.NewGuid();
            await _apps[ServerOf(i)].PreRegisterAsync(ConfigRegistration.ForDynamicPool(uuids[i], Role($"worker-{i}"), "workers", credential));
        }

        var runs = Enumerable.Range(0, Agents).Select(i => _fleet.Start(i, o =>
        {
            o.DynamicRendezvousAddress = _pair.Address(ServerOf(i)).ToString();
            o.DynamicPool = "workers";
            o.DynamicPoolCredential = credential.Reveal();
            o.ExitAfterApply = true;
        })).ToList();
        await Task.WhenAll(runs).WaitAsync(Patience);

        var entries = await ListAsync(_apps[1], new ConfigEntryQuery { DynamicPool = "workers" });
        Assert.Equal(uuids.Order(), entries.Select(e => e.Uuid).Order());
        Assert.All(entries, e =>
        {
            Assert.True(e.IsClaimed);
            Assert.Equal(InstanceState.Configured, e.Status.State);
        });
        // Each agent reports its own address: one entry per agent and one agent per entry.
        Assert.Equal(
            Enumerable.Range(0, Agents).Select(AgentFleet.AddressOf).Order(),
            entries.Select(e => e.Address!).Order());
        for (var i = 0; i < Agents; i++)
        {
            var claimed = Assert.Single(entries, e => e.Address == AgentFleet.AddressOf(i));
            var applied = await File.ReadAllTextAsync(Path.Combine(_fleet.StateDirectoryOf(i), "configuration"));
            Assert.Equal(claimed.Configuration.AsText(), applied);
        }

        // Both servers agree the pool is empty.
        for (var server = 0; server < 2; server++)
        {
            using var late = _pair.InstanceClient(server);
            await Assert.ThrowsAsync<NoDynamicEntryAvailableException>(() => late.AssignDynamicAsync("workers", credential, Secret.Generate()));
        }
    }

    private static int ServerOf(int agent) => agent % 2;

    private static ConfigurationContent Role(string role) => ConfigurationContent.FromText(role, "text/x-shellscript");

    private async Task<bool> AllAppliedAsync(Guid[] uuids, long generation)
    {
        foreach (var uuid in uuids)
        {
            var entry = await _apps[0].GetAsync(uuid);
            if (entry is not { Status: { State: InstanceState.Configured or InstanceState.Failed } status } || status.AppliedGeneration != generation)
            {
                return false;
            }
        }

        return true;
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            _fleet.ThrowIfAnyFailed();
            Assert.True(Stopwatch.GetElapsedTime(started) < Patience, "The agents did not get there in time.");
            await Task.Delay(20);
        }
    }

    private static async Task<List<ConfigEntry>> ListAsync(RendezvousConfigCache app, ConfigEntryQuery? query = null)
    {
        var list = new List<ConfigEntry>();
        await foreach (var entry in app.ListAsync(query))
        {
            list.Add(entry);
        }

        return list;
    }
}
