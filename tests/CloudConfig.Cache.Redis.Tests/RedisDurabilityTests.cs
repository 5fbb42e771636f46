using System.Text;
using CloudConfig.Core;
using CloudConfig.Testing.Redis;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Cache.Redis.Tests;

/// <summary>
/// A rendezvous backend that restarts loses nothing: with <c>--appendonly yes --appendfsync always</c> every
/// acknowledged write survives even a SIGKILL. These tests own their server, because they kill it.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisDurabilityTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Restart_WithAppendOnlyPersistence_KeepsEveryEntryAndItsState()
    {
        await using var server = await RedisServer.StartAsync(appendOnly: true);
        var prefix = RedisServerFixture.NewPrefix();
        var poolCredential = Secret.Generate();
        var unclaimed = new List<(Guid Uuid, Secret BootSecret)>();
        var claimed = new List<(Guid Uuid, Secret TrustKey)>();
        var pooled = new List<Guid>();
        List<ConfigEntry> before;
        await using (var cache = RedisServerFixture.CreateCache(server, _time, keyPrefix: prefix))
        {
            for (var i = 0; i < 20; i++)
            {
                var uuid = Guid.NewGuid();
                var bootSecret = Secret.Generate();
                await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText($"echo {i}"), bootSecret) with { Domain = "prod", ConfigHosts = ["10.0.0.1:8443"] });
                if (i % 2 == 1)
                {
                    unclaimed.Add((uuid, bootSecret));
                    continue;
                }

                var trustKey = Secret.Generate();
                _time.Advance(TimeSpan.FromSeconds(1));
                await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
                if (i % 4 == 0)
                {
                    await cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured, 0, "ok", 1))
                    {
                        Address = $"10.1.0.{i}",
                        Parameters = new Dictionary<string, ParameterValue> { ["port"] = 8000L + i, ["ratio"] = -0.0 },
                    });
                    await cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText($"echo {i} v2"));
                }

                claimed.Add((uuid, trustKey));
            }

            for (var i = 0; i < 5; i++)
            {
                var uuid = Guid.NewGuid();
                await cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(uuid, ConfigurationContent.FromText($"pooled {i}"), "web", poolCredential));
                pooled.Add(uuid);
            }

            await cache.AssignDynamicAsync("web", poolCredential, Secret.Generate());
            await cache.AssignDynamicAsync("web", poolCredential, Secret.Generate());
            before = await ListAsync(cache);
        }

        // A crash, not a clean shutdown: only what was fsynced survives.
        server.Kill();
        await server.RestartAsync();

        await using var restarted = RedisServerFixture.CreateCache(server, _time, keyPrefix: prefix);
        var after = await ListAsync(restarted);
        Assert.Equal(before.Count, after.Count);
        foreach (var entry in before)
        {
            Assert.Equal(entry, after.Single(e => e.Uuid == entry.Uuid));
        }

        foreach (var (uuid, trustKey) in claimed)
        {
            Assert.Equal(uuid, (await restarted.FetchAsync(uuid, InstanceCredential.Trusted(trustKey))).Uuid);
        }

        foreach (var (uuid, bootSecret) in unclaimed)
        {
            Assert.Equal(uuid, (await restarted.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate()))).Uuid);
        }

        // The pool resumes where it stopped: the three entries not yet handed out, in order.
        for (var i = 2; i < 5; i++)
        {
            Assert.Equal(pooled[i], (await restarted.AssignDynamicAsync("web", poolCredential, Secret.Generate())).Uuid);
        }

        await Assert.ThrowsAsync<NoDynamicEntryAvailableException>(() => restarted.AssignDynamicAsync("web", poolCredential, Secret.Generate()));
        AssertFilesHoldNoSecret(server.Directory, [poolCredential, .. claimed.Select(c => c.TrustKey), .. unclaimed.Select(u => u.BootSecret)]);
    }

    private static void AssertFilesHoldNoSecret(string directory, IEnumerable<Secret> secrets)
    {
        // The append-only file logs every command with its arguments: presented secrets must be hashes there too.
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories);
        Assert.NotEmpty(files);
        var contents = string.Concat(files.Select(f => Encoding.Latin1.GetString(File.ReadAllBytes(f))));
        Assert.Contains("appendonly", string.Join(" ", files), StringComparison.Ordinal);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(secret.Reveal(), contents, StringComparison.Ordinal);
        }
    }

    private static async Task<List<ConfigEntry>> ListAsync(IConfigCache cache)
    {
        var entries = new List<ConfigEntry>();
        await foreach (var entry in cache.ListAsync())
        {
            entries.Add(entry);
        }

        return entries;
    }
}
