using CloudConfig.Core;
using CloudConfig.Deltacloud.Embedded;
using CloudConfig.Samples.Shared;
using CloudConfig.Testing;

namespace CloudConfig.Samples.Tests;

// Real everything on loopback: Kestrel rendezvous server, embedded Deltacloud over HTTP, the real agent running /bin/sh.
public sealed class ProvisionManyEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task ProvisionManyAsync_HundredInstancesAtOnce_AllConfigureThroughTheRealAgent()
    {
        await using var local = await LocalCloud.StartAsync();

        var result = await new ManyScenario(local.Provisioner, new SampleLaunch(), Timeout).RunAsync(100);

        Assert.Empty(result.Failures);
        Assert.Equal(100, result.Configured.Count);
        Assert.Equal(100, result.Configured.Select(r => r.Uuid).Distinct().Count());
        foreach (var row in result.Configured)
        {
            // Each instance reported its own private address label and what its own script wrote.
            var instance = local.Cloud!.FindInstance(row.InstanceId);
            Assert.NotNull(instance);
            Assert.Equal(instance.PrivateAddresses[0], row.Entry.Address);
            Assert.Equal(new InstanceStatus(InstanceState.Configured, 0, row.Entry.Status.Detail, 1), row.Entry.Status);
            Assert.Contains(row.Role, SampleConfigurations.Roles);
            Assert.Equal(1L, row.Entry.Parameters["generation"].AsInteger());
        }

        Assert.Equal(100, local.Agents.Started);
        Assert.Empty(local.Agents.Failures);
    }

    [Fact]
    public async Task ProvisionManyAsync_CloudFailsSomeCreates_NoEntryLeftForTheFailedAndEverySuccessConfigures()
    {
        // Every seventh create fails with a 500 and creates nothing.
        await using var local = await LocalCloud.StartAsync(new LocalCloudOptions
        {
            CreateFault = number => number % 7 == 0 ? EmbeddedCreateFault.Fail(500) : EmbeddedCreateFault.None,
            // One attempt per create, so the injected failures reach the provisioner instead of being retried away.
            ConfigureDeltacloud = client => client.MaxCreateAttempts = 1,
        });

        var result = await new ManyScenario(local.Provisioner, new SampleLaunch(), Timeout).RunAsync(100);

        var failed = result.Results.Where(r => !r.Succeeded).ToList();
        Assert.Equal(100 / 7, failed.Count);
        Assert.All(failed, f => Assert.False(Assert.IsType<ProvisioningException>(f.Error).EntryLeftBehind));
        var succeeded = result.Results.Where(r => r.Succeeded).Select(r => r.Instance!.Uuid).ToHashSet();
        var cached = new HashSet<Guid>();
        await foreach (var entry in local.Cache.ListAsync(new ConfigEntryQuery()))
        {
            cached.Add(entry.Uuid);
            Assert.Equal(InstanceState.Configured, entry.Status.State);
        }

        Assert.Equal(succeeded, cached);
        Assert.Equal(succeeded, result.Configured.Select(r => r.Uuid).ToHashSet());
        Assert.Equal(100 - failed.Count, local.Cloud!.Instances.Count);
        Assert.Empty(local.Agents.Failures);
    }
}
