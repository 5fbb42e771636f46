using System.Collections.Concurrent;
using System.Diagnostics;
using CloudConfig.Core;
using CloudConfig.Testing.Redis;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace CloudConfig.Cache.Redis.Tests;

/// <summary>
/// Redis going away: calls fail fast with the typed error instead of hanging, nothing is half-written, and the
/// same cache works again once Redis is back on its port. These tests own their server, because they kill it.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RedisOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan OperationTimeout = TimeSpan.FromSeconds(1);

    // Proves "fails, never hangs", not speed: the configured timeout plus slack for a 2-core CI box running every
    // test assembly at once (a hang would exceed any bound; 1.5 s of slack was seen to be too tight under load).
    private static readonly TimeSpan FailureBound = OperationTimeout + TimeSpan.FromSeconds(9);

    [Fact]
    public async Task KilledMidRun_CallsFailFastWithTheTypedErrorAndRecoverAfterRestart()
    {
        await using var server = await RedisServer.StartAsync(appendOnly: true);
        await using var cache = RedisServerFixture.CreateCache(server, configure: o => o.OperationTimeout = OperationTimeout);
        var claimed = new List<(Guid Uuid, Secret TrustKey)>();
        for (var i = 0; i < 40; i++)
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

        await WaitUntilAsync(() => Volatile.Read(ref successes) > 200);
        server.Kill();
        await WaitUntilAsync(() => failures.Count > 40);

        var probe = Stopwatch.GetTimestamp();
        var error = await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => cache.GetAsync(claimed[0].Uuid));
        var probeTook = Stopwatch.GetElapsedTime(probe);

        await server.RestartAsync();
        await WaitUntilAsync(async () =>
        {
            try
            {
                await cache.GetAsync(claimed[0].Uuid);
                return true;
            }
            catch (ConfigCacheUnavailableException)
            {
                return false;
            }
        });
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        output.WriteLine($"{successes} reports accepted; {failures.Count} failed, the slowest after {failures.Max(f => f.Took)}; probe failed after {probeTook}.");
        Assert.Equal("The Redis backend is unavailable.", error.Message);
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
    public async Task ServerStopsAnswering_CallsFailWithTheTypedErrorAndWorkAgainOnceItAnswers()
    {
        await using var server = await RedisServer.StartAsync();
        await using var cache = RedisServerFixture.CreateCache(server, configure: o => o.OperationTimeout = OperationTimeout);
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo"), bootSecret));
        await cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        await using var admin = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString + ",allowAdmin=true");

        // The connection stays open but nothing is answered: only a timeout can make these calls fail (once the pause
        // ends they would succeed).
        var pause = TimeSpan.FromSeconds(6);
        await admin.GetServer(admin.GetEndPoints()[0]).ExecuteAsync("CLIENT", "PAUSE", (long)pause.TotalMilliseconds, "ALL");
        var fetching = Stopwatch.GetTimestamp();
        var fetch = await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey)));
        var fetchTook = Stopwatch.GetElapsedTime(fetching);
        var reading = Stopwatch.GetTimestamp();
        await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => cache.GetAsync(uuid));
        var readTook = Stopwatch.GetElapsedTime(reading);

        await WaitUntilAsync(async () =>
        {
            try
            {
                return (await cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey))).Uuid == uuid;
            }
            catch (ConfigCacheUnavailableException)
            {
                return false;
            }
        });

        output.WriteLine($"Fetch failed after {fetchTook}, read after {readTook}.");
        Assert.Equal("The Redis backend is unavailable.", fetch.Message);
        Assert.True(fetchTook < FailureBound, $"The fetch took {fetchTook} to fail.");
        Assert.True(readTook < FailureBound, $"The read took {readTook} to fail.");
    }

    [Fact]
    public async Task DownAtStartUp_FailsFastThenWorksOnceRedisIsUp()
    {
        await using var server = await RedisServer.StartAsync();
        server.Kill();
        await using var cache = RedisServerFixture.CreateCache(server, configure: o => o.OperationTimeout = OperationTimeout);
        var registration = ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("echo"), Secret.Generate());

        var started = Stopwatch.GetTimestamp();
        await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => cache.PreRegisterAsync(registration));
        var took = Stopwatch.GetElapsedTime(started);

        await server.RestartAsync();
        await WaitUntilAsync(async () =>
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
                // An earlier attempt reached Redis although its answer came too late for the client.
                return true;
            }
        });

        Assert.True(took < FailureBound, $"The first call took {took} to fail.");
        Assert.NotNull(await cache.GetAsync(registration.Uuid));
    }

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition())
        {
            Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(60), "Timed out waiting for a condition.");
            await Task.Delay(20);
        }
    }
}
