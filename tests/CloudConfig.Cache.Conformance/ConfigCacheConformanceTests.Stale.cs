using CloudConfig.Core;

namespace CloudConfig.Cache.Conformance;

public abstract partial class ConfigCacheConformanceTests
{
    // The longest timeout remove_stale accepts, in every cache: a century (a longer one would put the cutoff before
    // the calendar's first day).
    private static readonly TimeSpan LongestStaleTimeout = TimeSpan.FromDays(36_500);

    [Fact]
    public async Task RemoveStale_RemovesOnlyEntriesNotHeardFromWithinTheTimeout()
    {
        var (silentA, _) = await RegisterAsync();
        var (silentB, _) = await RegisterAsync();
        var (contacted, bootSecret) = await RegisterAsync();
        Time.Advance(TimeSpan.FromMinutes(5));
        await Cache.FetchAsync(contacted, InstanceCredential.FirstContact(bootSecret, Secret.Generate()));
        Time.Advance(TimeSpan.FromMinutes(5));
        var (fresh, _) = await RegisterAsync();

        var removed = await Cache.RemoveStaleAsync(TimeSpan.FromMinutes(7));

        Assert.Equal(2, removed);
        Assert.Null(await Cache.GetAsync(silentA));
        Assert.Null(await Cache.GetAsync(silentB));
        Assert.NotNull(await Cache.GetAsync(contacted));
        Assert.NotNull(await Cache.GetAsync(fresh));

        Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(2, await Cache.RemoveStaleAsync(TimeSpan.FromMinutes(7)));
        Assert.Equal(0, await Cache.RemoveStaleAsync(TimeSpan.Zero));
        Assert.Empty(await ListAllAsync());
    }

    [Fact]
    public async Task RemoveStale_AReportCountsAsContact()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        Time.Advance(TimeSpan.FromMinutes(10));
        await Cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured)));
        Time.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(0, await Cache.RemoveStaleAsync(TimeSpan.FromMinutes(5)));
        Assert.NotNull(await Cache.GetAsync(uuid));
    }

    [Fact]
    public async Task RemoveStale_AnEntryExactlyAtTheTimeoutIsKept()
    {
        var (uuid, _) = await RegisterAsync();
        Time.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(0, await Cache.RemoveStaleAsync(TimeSpan.FromMinutes(5)));
        Assert.NotNull(await Cache.GetAsync(uuid));
    }

    [Fact]
    public async Task RemoveStale_AppSideUpdatesDoNotCountAsContact()
    {
        var (uuid, _) = await RegisterAsync();
        Time.Advance(TimeSpan.FromMinutes(10));
        await Cache.UpdateConfigurationAsync(uuid, Script("echo v2"));

        Assert.Equal(1, await Cache.RemoveStaleAsync(TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task RemoveStale_NegativeTimeout_ThrowsInvalidInputNamingTimeout()
    {
        await RegisterAsync();

        var error = await Assert.ThrowsAsync<InvalidConfigInputException>(() => Cache.RemoveStaleAsync(TimeSpan.FromSeconds(-1)));

        Assert.Equal("timeout", error.Field);
        Assert.Single(await ListAllAsync());
    }

    [Theory]
    [InlineData(100_000_000_000_000L)]
    [InlineData(900_000_000_000_000L)]
    public async Task RemoveStale_TimeoutLongerThanACentury_ThrowsInvalidInputNamingTimeoutAndRemovesNothing(long milliseconds)
    {
        await RegisterAsync();
        Time.Advance(TimeSpan.FromDays(1));

        var error = await Assert.ThrowsAsync<InvalidConfigInputException>(() => Cache.RemoveStaleAsync(TimeSpan.FromMilliseconds(milliseconds)));

        Assert.Equal("timeout", error.Field);
        Assert.Single(await ListAllAsync());
        Assert.Equal(0, await Cache.RemoveStaleAsync(LongestStaleTimeout));
        Assert.Equal(1, await Cache.RemoveStaleAsync(TimeSpan.FromHours(1)));
    }
}
