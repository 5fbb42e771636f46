using System.Collections.Concurrent;
using System.Diagnostics;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using Xunit.Abstractions;

namespace CloudConfig.Cache.Nats.Tests;

/// <summary>
/// NATS going away: calls fail fast with the typed error instead of hanging, nothing is half-written, and the same
/// cache works again once the server is back on its port. These tests own their server, because they kill it.
/// </summary>
[Collection(NatsCollection.Name)]
public sealed class NatsOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(1);

    // Proves "fails, never hangs", not speed: the configured timeout plus slack for a 2-core CI box running every
    // test assembly at once (a hang would exceed any bound).
    private static readonly TimeSpan FailureBound = OperationTimeout + TimeSpan.FromSeconds(9);

    [Fact]
    public async Task KilledMidRun_CallsFailFastWithTheTypedErrorAndRecoverAfterRestart()
    {
        await using var server = await NatsServer.StartAsync();
        await using var cache = NatsServerFixture.CreateCache(server, configure: o => o.OperationTimeout = OperationTimeout);
        var claimed = new List<(Guid Uuid, Secret TrustKey)>();
        for (var i = 0; i < 20; i++)
        {
            var uuid = Guid.NewGuid();
            var bootSecret = Secret.Generate();
            var trustKey = Secret.Generate();
            await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), bootSecret));
            await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
            claimed.Add((uuid, trustKey));
        }

        // Writers keep reporting a sequence number twice (as the address and as a parameter) through the outage;
        // an entry whose two copies disagree would be a torn write.
        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentBag<(Exception Error, TimeSpan Took)>();
        var successes = 0;
        var writers = claimed.Select(c => Task.Run(async () =>
        {
            for (long seq = 1; !stop.IsCancellationRequested; seq++)
            {
                var report = new InstanceReport(new InstanceStatus(InstanceState.Configuring))
                {
                    Address = $"seq-{seq}",
                    Parameters = new Dictionary<string, ParameterValue> { ["seq"] = seq },
                };
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await cache.UpdateCacheAsync(c.Uuid, c.TrustKey, report);
                    Interlocked.Increment(ref successes);
                }
                catch (Exception e)
                {
                    failures.Add((e, Stopwatch.GetElapsedTime(started)));
                    await Task.Delay(50);
                }
            }
        })).ToList();

        await Eventually.TrueAsync(() => Volatile.Read(ref successes) > 200, "reports flow");
        server.Kill();
        await Eventually.TrueAsync(() => failures.Count > 20, "reports fail");

        var probe = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => cache.GetAsync(claimed[0].Uuid));
        var probeTook = Stopwatch.GetElapsedTime(probe);

        await server.RestartAsync();
        await Eventually.TrueAsync(async () => await SucceedsAsync(() => cache.GetAsync(claimed[0].Uuid)), "the cache works again");
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        output.WriteLine($"{successes} reports accepted; {failures.Count} failed, the slowest after {failures.Max(f => f.Took)}; probe failed after {probeTook}.");
        Assert.Equal("The NATS server of this site is unavailable.", error.Message);
        Assert.True(probeTook < FailureBound, $"A call took {probeTook} to fail.");
        Assert.All(failures, f =>
        {
            Assert.IsType<ConfigCacheUnavailableException>(f.Error);
            Assert.True(f.Took < FailureBound, $"A call took {f.Took} to fail.");
        });
        foreach (var (uuid, trustKey) in claimed)
        {
            var entry = (await cache.GetAsync(uuid))!;
            Assert.Equal(entry.Address, $"seq-{entry.Parameters["seq"].AsInteger()}");
            Assert.Equal(uuid, (await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey))).Uuid);
        }
    }

    [Fact]
    public async Task DownAtStartUp_FailsFastThenWorksOnceTheServerIsUp()
    {
        await using var server = await NatsServer.StartAsync();
        server.Kill();
        await using var cache = NatsServerFixture.CreateCache(server, configure: o => o.OperationTimeout = OperationTimeout);
        var registration = ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("echo"), Secret.Generate());

        var started = Stopwatch.GetTimestamp();
        await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => cache.PreRegisterAsync(registration));
        var took = Stopwatch.GetElapsedTime(started);

        await server.RestartAsync();
        await Eventually.TrueAsync(
            async () =>
            {
                try
                {
                    await cache.PreRegisterAsync(registration);
                    return true;
                }
                catch (ConfigCacheUnavailableException)
                {
                    return false;
                }
                catch (ConfigEntryAlreadyExistsException)
                {
                    // An earlier attempt reached the server although its answer came too late for the client.
                    return true;
                }
            },
            "the registration goes through");

        Assert.True(took < FailureBound, $"The first call took {took} to fail.");
        Assert.NotNull(await cache.GetAsync(registration.Uuid));
    }

    private static async Task<bool> SucceedsAsync(Func<Task> call)
    {
        try
        {
            await call();
            return true;
        }
        catch (ConfigCacheUnavailableException)
        {
            return false;
        }
    }
}
