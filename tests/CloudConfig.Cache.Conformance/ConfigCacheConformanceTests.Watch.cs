using CloudConfig.Core;

namespace CloudConfig.Cache.Conformance;

public abstract partial class ConfigCacheConformanceTests
{
    [Fact]
    public async Task WaitForUpdate_ANewerGenerationAlreadyThere_ReturnsAtOnce()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        await Cache.UpdateConfigurationAsync(uuid, Script("echo v2"));

        var update = await Cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromMinutes(10));

        Assert.NotNull(update);
        Assert.Equal(2, update.Generation);
        Assert.Equal("echo v2", update.Configuration.AsText());
    }

    [Fact]
    public async Task WaitForUpdate_NothingNewAndNoTimeLeft_ReturnsNull()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();

        Assert.Null(await Cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.Zero));
    }

    [Fact]
    public async Task WaitForUpdate_AChangeWhileWaiting_WakesTheWaiterWithIt()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();

        var waiting = Cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromMinutes(10));
        await Cache.UpdateConfigurationAsync(uuid, Script("echo v2"));
        var update = await waiting.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(update);
        Assert.Equal(2, update.Generation);
    }

    [Fact]
    public async Task WaitForUpdate_AnotherWaiterOnTheEntryCancelled_StillWakesThisOne()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        using var cancel = new CancellationTokenSource();
        var leaving = Cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromMinutes(10), cancel.Token);
        var staying = Cache.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromMinutes(10));

        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => leaving.WaitAsync(TimeSpan.FromSeconds(30)));
        await Cache.UpdateConfigurationAsync(uuid, Script("echo v2"));
        var update = await staying.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.NotNull(update);
        Assert.Equal(2, update.Generation);
    }

    [Fact]
    public async Task WaitForUpdate_WrongTrustKey_IsRefused()
    {
        var (uuid, bootSecret, _) = await RegisterAndClaimAsync();

        await AssertRefusedAsync(() => Cache.WaitForUpdateAsync(uuid, Secret.Generate(), 1, TimeSpan.Zero));
        await AssertRefusedAsync(() => Cache.WaitForUpdateAsync(uuid, bootSecret, 1, TimeSpan.Zero));
    }

    [Fact]
    public async Task WaitForUpdate_NegativeTimeout_ThrowsInvalidInputNamingTimeout()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();

        var error = await Assert.ThrowsAsync<InvalidConfigInputException>(() => Cache.WaitForUpdateAsync(uuid, trustKey, 1, TimeSpan.FromSeconds(-1)));

        Assert.Equal("timeout", error.Field);
    }
}
