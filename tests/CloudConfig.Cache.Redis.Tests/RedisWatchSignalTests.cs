using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Cache.Redis.Tests;

/// <summary>Long polls leave no wake-up signal behind in a long-running process, however they end.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisWatchSignalTests(RedisServerFixture redis) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly string _prefix = RedisServerFixture.NewPrefix();
    private RedisConfigCache _cache = null!;

    public Task InitializeAsync()
    {
        _cache = redis.CreateCache(_time, keyPrefix: _prefix);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _cache.DisposeAsync();

    [Fact]
    public async Task WaitForUpdate_TimesOut_LeavesNoSignalBehind()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();

        var waiting = _cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromMinutes(1));
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
        await WaitUntilAsync(() => Task.FromResult(_cache.ChangeSignalCount == 1));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(0, _cache.ChangeSignalCount);
    }

    [Fact]
    public async Task WaitForUpdate_UnknownUuidsAndWrongKeys_LeaveNoSignalBehind()
    {
        var (uuid, _) = await RegisterAndClaimAsync();

        for (var i = 0; i < 50; i++)
        {
            await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => _cache.WaitForUpdateAsync(Guid.NewGuid(), Secret.Generate(), 1, TimeSpan.FromHours(1)));
            await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => _cache.WaitForUpdateAsync(uuid, Secret.Generate(), 1, TimeSpan.FromHours(1)));
        }

        Assert.Equal(0, _cache.ChangeSignalCount);
    }

    [Fact]
    public async Task WaitForUpdate_OneOfTwoWaitersCancelled_TheOtherKeepsTheSignalAndIsWokenThroughPubSub()
    {
        var (uuid, trustKey) = await RegisterAndClaimAsync();
        await using var app = redis.CreateCache(_time, keyPrefix: _prefix);
        using var cancel = new CancellationTokenSource();
        // Each waiter holds its watch from before its first read (a contact at the fake clock's time) onwards, so
        // once both reads are seen, both share the entry's one signal.
        _time.Advance(TimeSpan.FromMinutes(1));
        var staying = _cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromHours(1));
        await WaitUntilAsync(async () => (await _cache.GetAsync(uuid))!.LastContactAt == _time.GetUtcNow());
        _time.Advance(TimeSpan.FromMinutes(1));
        var leaving = _cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromHours(1), cancel.Token);
        await WaitUntilAsync(async () => (await _cache.GetAsync(uuid))!.LastContactAt == _time.GetUtcNow());
        Assert.Equal(1, _cache.ChangeSignalCount);

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, _cache.ChangeSignalCount);
        await app.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("v2"));
        var update = await staying.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, update!.Generation);
        Assert.Equal(0, _cache.ChangeSignalCount);
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            await Task.Delay(5, limit.Token);
        }
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
