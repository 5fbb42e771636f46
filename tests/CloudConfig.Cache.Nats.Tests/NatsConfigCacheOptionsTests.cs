using CloudConfig.Core;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Nats.Tests;

public sealed class NatsConfigCacheOptionsTests
{
    [Fact]
    public void Constructor_InvalidOptions_ListsEveryProblemInOneException()
    {
        var options = new NatsConfigCacheOptions
        {
            Password = "hunter2hunter2",
            BucketPrefix = "a.b",
            OperationTimeout = TimeSpan.Zero,
            Replicas = 0,
            RemovalMarkerRetention = TimeSpan.FromSeconds(-1),
            MirrorStaleAfter = TimeSpan.Zero,
            ClaimReservationTimeout = TimeSpan.Zero,
            OnPremisesDomain = "on prem",
            ContactWriteInterval = TimeSpan.FromMinutes(2),
            Limits = new ConfigCacheLimits { MaxEntries = 0 },
        };

        var error = Assert.Throws<OptionsValidationException>(() => new NatsConfigCache(Options.Create(options)));

        Assert.Equal(
            [
                "Exactly one of Url and Connection must be set.",
                "Password needs Username.",
                "BucketPrefix must be 1 to 64 letters, digits, '-' or '_'.",
                "OperationTimeout must be greater than zero and at most 00:05:00 (was 00:00:00).",
                "Replicas must be between 1 and 5 (was 0).",
                "RemovalMarkerRetention must not be negative (was -00:00:01).",
                "MirrorStaleAfter must be greater than zero (was 00:00:00).",
                "ClaimReservationTimeout must be greater than zero (was 00:00:00).",
                "MaxEntries must be greater than zero (was 0).",
                "OnPremisesDomain must be a JetStream domain: 1 to 64 letters, digits, '-' or '_'.",
                "ContactWriteInterval must be between zero and 00:01:00 (was 00:02:00).",
            ],
            error.Failures);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://user:hunter2hunter2@127.0.0.1:4222")]
    [InlineData("nats://127.0.0.1:4222,not a url")]
    public void Constructor_InvalidUrl_IsReportedWithoutQuotingIt(string url)
    {
        var error = Assert.Throws<OptionsValidationException>(() => new NatsConfigCache(Options.Create(new NatsConfigCacheOptions { Url = url })));

        Assert.Equal(["Url must be one or more comma-separated nats://, tls://, ws:// or wss:// URLs."], error.Failures);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Constructor_ServerNotRunning_DoesNotConnectUntilFirstUse()
    {
        var port = CloudConfig.Testing.Nats.NatsServer.FreeLoopbackPort();

        await using var cache = new NatsConfigCache(Options.Create(new NatsConfigCacheOptions { Url = $"nats://127.0.0.1:{port}", OperationTimeout = TimeSpan.FromSeconds(1) }));

        await Assert.ThrowsAsync<ConfigCacheUnavailableException>(() => cache.GetAsync(Guid.NewGuid()));
    }
}
