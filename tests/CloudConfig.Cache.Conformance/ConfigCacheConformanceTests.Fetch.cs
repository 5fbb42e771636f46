using CloudConfig.Core;

namespace CloudConfig.Cache.Conformance;

public abstract partial class ConfigCacheConformanceTests
{
    [Fact]
    public async Task Fetch_FirstContactWithBootSecret_ReturnsTheConfigurationAndClaimsTheEntry()
    {
        var (uuid, bootSecret) = await RegisterAsync("prod");
        Time.Advance(TimeSpan.FromMinutes(2));

        var fetched = await Cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate()));

        Assert.Equal(uuid, fetched.Uuid);
        Assert.Equal(Script(), fetched.Configuration);
        Assert.Equal(1, fetched.Generation);
        Assert.Equal("prod", fetched.Domain);
        var entry = (await Cache.GetAsync(uuid))!;
        Assert.True(entry.IsClaimed);
        Assert.Equal(Start.AddMinutes(2), entry.FirstContactAt);
        Assert.Equal(Start.AddMinutes(2), entry.LastContactAt);
    }

    [Fact]
    public async Task Fetch_UnknownUuidAndWrongSecret_AreIndistinguishable()
    {
        var (uuid, _) = await RegisterAsync();

        var wrongSecret = await AssertRefusedAsync(
            () => Cache.FetchAsync(uuid, InstanceCredential.FirstContact(Secret.Generate(), Secret.Generate())));
        var unknownUuid = await AssertRefusedAsync(
            () => Cache.FetchAsync(Guid.NewGuid(), InstanceCredential.FirstContact(Secret.Generate(), Secret.Generate())));

        Assert.Equal(wrongSecret.GetType(), unknownUuid.GetType());
        Assert.Equal(wrongSecret.Message, unknownUuid.Message);
        Assert.False((await Cache.GetAsync(uuid))!.IsClaimed);
    }

    [Fact]
    public async Task Fetch_ConsumedBootSecretWithAnotherTrustKey_IsRefusedAndCounted()
    {
        var (uuid, bootSecret, _) = await RegisterAndClaimAsync();

        // Answered with the refusal's one message; a local cache may use the replay subtype for its holder's alarm.
        var error = await Assert.ThrowsAnyAsync<ConfigEntryNotFoundException>(
            () => Cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate())));
        await Assert.ThrowsAnyAsync<ConfigEntryNotFoundException>(() => Cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate())));

        Assert.Equal(ConfigEntryNotFoundException.StandardMessage, error.Message);
        Assert.DoesNotContain(bootSecret.Reveal(), error.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, (await Cache.GetAsync(uuid))!.BootSecretReplays);
    }

    [Fact]
    public async Task Fetch_FirstContactRetriedWithTheSameTrustKey_SucceedsWithoutCountingAReplay()
    {
        var (uuid, bootSecret) = await RegisterAsync();
        var trustKey = Secret.Generate();
        await Cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));

        var again = await Cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));

        Assert.Equal(uuid, again.Uuid);
        Assert.Equal(0, (await Cache.GetAsync(uuid))!.BootSecretReplays);
    }

    [Fact]
    public async Task Fetch_WithTrustKeyAfterFirstContact_SucceedsAndRecordsTheContact()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        Time.Advance(TimeSpan.FromHours(1));

        var fetched = await Cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));

        Assert.Equal(Script(), fetched.Configuration);
        var entry = (await Cache.GetAsync(uuid))!;
        Assert.Equal(Start, entry.FirstContactAt);
        Assert.Equal(Start.AddHours(1), entry.LastContactAt);
    }

    [Fact]
    public async Task Fetch_WithTrustKeyBeforeTheEntryIsClaimed_IsRefused()
    {
        var (uuid, bootSecret) = await RegisterAsync();

        await AssertRefusedAsync(() => Cache.FetchAsync(uuid, InstanceCredential.Trusted(Secret.Generate())));
        await AssertRefusedAsync(() => Cache.FetchAsync(uuid, InstanceCredential.Trusted(bootSecret)));

        Assert.False((await Cache.GetAsync(uuid))!.IsClaimed);
    }

    [Fact]
    public async Task Fetch_WithWrongTrustKeyOrTheBootSecretAsTrustKey_IsRefused()
    {
        var (uuid, bootSecret, _) = await RegisterAndClaimAsync();

        await AssertRefusedAsync(() => Cache.FetchAsync(uuid, InstanceCredential.Trusted(Secret.Generate())));
        await AssertRefusedAsync(() => Cache.FetchAsync(uuid, InstanceCredential.Trusted(bootSecret)));
    }

    [Fact]
    public async Task Fetch_WithAnotherEntrysTrustKey_IsRefused()
    {
        var (_, _, trustKeyOfA) = await RegisterAndClaimAsync();
        var (uuidOfB, _, _) = await RegisterAndClaimAsync();

        await AssertRefusedAsync(() => Cache.FetchAsync(uuidOfB, InstanceCredential.Trusted(trustKeyOfA)));
    }

    [Fact]
    public async Task Fetch_ConcurrentFirstContactsWithOneStolenBootString_ExactlyOneWins()
    {
        const int Contenders = 8;
        var (uuid, bootSecret) = await RegisterAsync();
        using var start = new ManualResetEventSlim();

        var attempts = Enumerable.Range(0, Contenders).Select(_ => Task.Run(async () =>
        {
            start.Wait();
            try
            {
                await Cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate()));
                return true;
            }
            catch (ConfigEntryNotFoundException)
            {
                return false;
            }
        })).ToList();
        start.Set();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(won => won));
        Assert.Equal(Contenders - 1, (await Cache.GetAsync(uuid))!.BootSecretReplays);
    }

    [Fact]
    public async Task UpdateConfiguration_BumpsTheGenerationAndTheNextFetchSeesIt()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();

        var updated = await Cache.UpdateConfigurationAsync(uuid, Script("echo v2"));
        var again = await Cache.UpdateConfigurationAsync(uuid, Script("echo v3"));
        var fetched = await Cache.FetchAsync(uuid, InstanceCredential.Trusted(trustKey));

        Assert.Equal(2, updated.Generation);
        Assert.Equal(3, again.Generation);
        Assert.Equal(3, fetched.Generation);
        Assert.Equal("echo v3", fetched.Configuration.AsText());
    }

    [Fact]
    public async Task UpdateConfiguration_KeepsWhatTheInstanceReported()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        var report = new InstanceReport(new InstanceStatus(InstanceState.Configured, 0)) { Address = "10.1.2.3", Parameters = new Dictionary<string, ParameterValue> { ["port"] = 8080L } };
        await Cache.UpdateCacheAsync(uuid, trustKey, report);

        var updated = await Cache.UpdateConfigurationAsync(uuid, Script("echo v2"));

        Assert.Equal("10.1.2.3", updated.Address);
        Assert.Equal(8080L, updated.Parameters["port"].AsInteger());
        Assert.Equal(InstanceState.Configured, updated.Status.State);
    }

    [Fact]
    public async Task UpdateConfiguration_UnknownUuid_ThrowsNotFound()
    {
        await AssertRefusedAsync(() => Cache.UpdateConfigurationAsync(Guid.NewGuid(), Script()));
    }

    [Fact]
    public async Task UpdateConfiguration_Oversized_ThrowsTooLargeAndKeepsTheOldGeneration()
    {
        var (uuid, _) = await RegisterAsync();

        await Assert.ThrowsAsync<ConfigurationTooLargeException>(
            () => Cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromBytes(new byte[Limits.MaxConfigurationBytes + 1])));

        var entry = (await Cache.GetAsync(uuid))!;
        Assert.Equal(1, entry.Generation);
        Assert.Equal(Script(), entry.Configuration);
    }
}
