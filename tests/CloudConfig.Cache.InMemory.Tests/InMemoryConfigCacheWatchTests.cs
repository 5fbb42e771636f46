using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Cache.InMemory.Tests;

/// <summary>Long polls leave no wake-up signal behind, however they end.</summary>
public sealed class InMemoryConfigCacheWatchTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly InMemoryConfigCache _cache;

    public InMemoryConfigCacheWatchTests() => _cache = new InMemoryConfigCache(timeProvider: _time);

    [Fact]
    public async Task WaitForUpdate_TimesOut_LeavesNoSignalBehind()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();

        var waiting = _cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromMinutes(1));
        Assert.Equal(1, _cache.ChangeSignalCount);
        while (!waiting.IsCompleted)
        {
            _time.Advance(TimeSpan.FromMinutes(1));
            await Task.WhenAny(waiting, Task.Delay(10));
        }

        Assert.Null(await waiting);
        Assert.Equal(0, _cache.ChangeSignalCount);
    }

    [Fact]
    public async Task WaitForUpdate_Cancelled_LeavesNoSignalBehind()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();
        using var cancel = new CancellationTokenSource();

        var waiting = _cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromHours(1), cancel.Token);
        Assert.Equal(1, _cache.ChangeSignalCount);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, _cache.ChangeSignalCount);
    }

    [Fact]
    public async Task WaitForUpdate_UnknownUuidsAndWrongKeys_LeaveNoSignalBehind()
    {
        var (uuid, _) = await RegisterAndClaimAsync();

        for (var i = 0; i < 100; i++)
        {
            await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => _cache.WaitForUpdateAsync(Guid.NewGuid(), Secret.Generate(), 1, TimeSpan.FromHours(1)));
            await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => _cache.WaitForUpdateAsync(uuid, Secret.Generate(), 1, TimeSpan.FromHours(1)));
        }

        Assert.Equal(0, _cache.ChangeSignalCount);
    }

    [Fact]
    public async Task WaitForUpdate_OneOfTwoWaitersCancelled_TheOtherKeepsTheSignalAndIsWoken()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();
        using var cancel = new CancellationTokenSource();
        var leaving = _cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromHours(1), cancel.Token);
        var staying = _cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromHours(1));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, _cache.ChangeSignalCount);
        await _cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("v2"));
        var update = await staying.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, update!.Generation);
        Assert.Equal(0, _cache.ChangeSignalCount);
    }

    [Fact]
    public async Task WaitForUpdate_ManyWaitersComingAndGoingWhileChangesLand_NoneMissesAChangeAndNothingIsLeft()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();
        using var churn = new CancellationTokenSource();
        // Short waits that end by cancellation, racing the watchers that must be woken.
        var churners = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!churn.IsCancellationRequested)
            {
                using var brief = new CancellationTokenSource();
                var wait = _cache.WaitForUpdateAsync(uuid, trustKey, long.MaxValue, TimeSpan.FromHours(1), brief.Token);
                await brief.CancelAsync();
                await Assert.ThrowsAnyAsync<OperationCanceledException>(() => wait);
            }
        })).ToList();

        for (var generation = 1L; generation <= 200; generation++)
        {
            var waiting = _cache.WaitForUpdateAsync(uuid, trustKey, generation, TimeSpan.FromHours(1));
            await _cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText($"v{generation + 1}"));
            var update = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(generation + 1, update!.Generation);
        }

        await churn.CancelAsync();
        await Task.WhenAll(churners);
        Assert.Equal(0, _cache.ChangeSignalCount);
    }

    [Fact]
    public void ChangeSignals_WatchStartedBeforeASignal_IsAlwaysCompletedByIt()
    {
        var signals = new ConfigChangeSignals();
        var uuid = Guid.NewGuid();
        for (var round = 0; round < 2_000; round++)
        {
            var watch = signals.Start(uuid);
            // Other waiters arrive and leave around the signal.
            Parallel.For(0, 4, i =>
            {
                if (i == 0)
                {
                    signals.Signal(uuid);
                }
                else
                {
                    signals.Start(uuid).Dispose();
                }
            });

            Assert.True(watch.Changed.IsCompleted);
            watch.Dispose();
        }

        Assert.Equal(0, signals.Count);
    }

    private async Task<(Guid Uuid, Secret TrustKey)> RegisterAndClaimAsync()
    {
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        await _cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("v1"), bootSecret));
        await _cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        return (uuid, trustKey);
    }
}
