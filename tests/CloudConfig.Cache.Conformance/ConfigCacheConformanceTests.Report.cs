using CloudConfig.Core;

namespace CloudConfig.Cache.Conformance;

public abstract partial class ConfigCacheConformanceTests
{
    [Fact]
    public async Task UpdateCache_WithTrustKey_StoresAddressParametersAndStatus()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        Time.Advance(TimeSpan.FromSeconds(30));
        var status = new InstanceStatus(InstanceState.Failed, ExitCode: 3, Detail: "apt-get: unable to locate package", AppliedGeneration: 1);

        await Cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(status)
        {
            Address = "[2001:db8::7]:22",
            Parameters = new Dictionary<string, ParameterValue> { ["role"] = "db" },
        });

        var entry = (await Cache.GetAsync(uuid))!;
        Assert.Equal("[2001:db8::7]:22", entry.Address);
        Assert.Equal(status, entry.Status);
        Assert.Equal("db", entry.Parameters["role"].AsString());
        Assert.Equal(Start.AddSeconds(30), entry.LastContactAt);
    }

    [Fact]
    public async Task UpdateCache_ParametersOfEveryKind_RoundTripExactly()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        var parameters = new Dictionary<string, ParameterValue>
        {
            ["text"] = "héllo 世界 \"quoted\" \\ back\nslash \u0001",
            ["empty"] = "",
            ["max"] = long.MaxValue,
            ["min"] = long.MinValue,
            ["zero"] = 0L,
            ["tenth"] = 0.1,
            ["negative-zero"] = -0.0,
            ["largest"] = double.MaxValue,
            ["tiniest"] = double.Epsilon,
            ["yes"] = true,
            ["no"] = false,
            ["key with spaces / and ümlauts"] = "value",
        };

        await Cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured)) { Parameters = parameters });

        var stored = (await Cache.GetAsync(uuid))!.Parameters;
        Assert.Equal(parameters.Count, stored.Count);
        foreach (var (key, value) in parameters)
        {
            Assert.Equal(value.Kind, stored[key].Kind);
            Assert.Equal(value, stored[key]);
        }
    }

    [Fact]
    public async Task UpdateCache_ReplacesThePreviousParameterMap()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        var configured = new InstanceStatus(InstanceState.Configured);
        await Cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(configured) { Parameters = new Dictionary<string, ParameterValue> { ["old"] = 1L } });

        await Cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(configured) { Parameters = new Dictionary<string, ParameterValue> { ["new"] = 2L } });

        var stored = (await Cache.GetAsync(uuid))!.Parameters;
        Assert.Equal(["new"], stored.Keys);
    }

    [Fact]
    public async Task UpdateCache_WithTheBootSecretInsteadOfTheTrustKey_IsRefusedAndChangesNothing()
    {
        var (uuid, bootSecret, _) = await RegisterAndClaimAsync();
        var before = await Cache.GetAsync(uuid);

        await AssertRefusedAsync(() => Cache.UpdateCacheAsync(uuid, bootSecret, new InstanceReport(new InstanceStatus(InstanceState.Configured))));

        Assert.Equal(before, await Cache.GetAsync(uuid));
    }

    [Fact]
    public async Task UpdateCache_BeforeTheEntryIsClaimed_IsRefused()
    {
        var (uuid, bootSecret) = await RegisterAsync();

        await AssertRefusedAsync(() => Cache.UpdateCacheAsync(uuid, bootSecret, new InstanceReport(new InstanceStatus(InstanceState.Configured))));

        Assert.Equal(InstanceState.Registered, (await Cache.GetAsync(uuid))!.Status.State);
    }

    [Fact]
    public async Task UpdateCache_WithAnotherEntrysTrustKey_IsRefusedAndChangesNeither()
    {
        var (uuidOfA, _, trustKeyOfA) = await RegisterAndClaimAsync();
        var (uuidOfB, _, _) = await RegisterAndClaimAsync();
        var a = await Cache.GetAsync(uuidOfA);
        var b = await Cache.GetAsync(uuidOfB);

        await AssertRefusedAsync(() => Cache.UpdateCacheAsync(uuidOfB, trustKeyOfA, new InstanceReport(new InstanceStatus(InstanceState.Failed)) { Address = "evil" }));

        Assert.Equal(a, await Cache.GetAsync(uuidOfA));
        Assert.Equal(b, await Cache.GetAsync(uuidOfB));
    }

    [Fact]
    public async Task UpdateCache_UnknownUuid_IsRefusedLikeAWrongKey()
    {
        await AssertRefusedAsync(() => Cache.UpdateCacheAsync(Guid.NewGuid(), Secret.Generate(), new InstanceReport(new InstanceStatus(InstanceState.Configured))));
    }

    [Fact]
    public async Task UpdateCache_TooManyParameters_ThrowsInvalidInputNamingParametersAndChangesNothing()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        var before = await Cache.GetAsync(uuid);
        var tooMany = Enumerable.Range(0, Limits.MaxParameters + 1).ToDictionary(i => $"p{i}", i => (ParameterValue)(long)i);

        var error = await Assert.ThrowsAsync<InvalidConfigInputException>(
            () => Cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured)) { Parameters = tooMany }));

        Assert.Equal("parameters", error.Field);
        Assert.Equal(before, await Cache.GetAsync(uuid));
    }

    [Theory]
    [InlineData("na\0me")]
    [InlineData("line\nbreak")]
    [InlineData("\u0007bell")]
    [InlineData("tab\t")]
    [InlineData("del\u007f")]
    public async Task UpdateCache_ParameterNameWithAControlCharacter_ThrowsInvalidInputAndChangesNothing(string name)
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        var before = await Cache.GetAsync(uuid);
        var report = new InstanceReport(new InstanceStatus(InstanceState.Configured)) { Parameters = new Dictionary<string, ParameterValue> { [name] = 1L } };

        var error = await Assert.ThrowsAsync<InvalidConfigInputException>(() => Cache.UpdateCacheAsync(uuid, trustKey, report));

        Assert.Equal("parameters", error.Field);
        Assert.Equal(before, await Cache.GetAsync(uuid));
    }

    [Fact]
    public async Task UpdateCache_NonFiniteNumber_ThrowsInvalidInputAndChangesNothing()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        var before = await Cache.GetAsync(uuid);

        var error = await Assert.ThrowsAsync<InvalidConfigInputException>(() => Cache.UpdateCacheAsync(
            uuid,
            trustKey,
            new InstanceReport(new InstanceStatus(InstanceState.Configured)) { Parameters = new Dictionary<string, ParameterValue> { ["load"] = double.NaN } }));

        Assert.Equal("parameters[load]", error.Field);
        Assert.Equal(before, await Cache.GetAsync(uuid));
    }

    [Fact]
    public async Task UpdateCache_OversizedStatusDetail_ThrowsInvalidInputAndChangesNothing()
    {
        var (uuid, _, trustKey) = await RegisterAndClaimAsync();
        var before = await Cache.GetAsync(uuid);
        var status = new InstanceStatus(InstanceState.Failed, 1, new string('x', Limits.MaxStatusDetailLength + 1));

        var error = await Assert.ThrowsAsync<InvalidConfigInputException>(() => Cache.UpdateCacheAsync(uuid, trustKey, new InstanceReport(status)));

        Assert.Equal("status.detail", error.Field);
        Assert.Equal(before, await Cache.GetAsync(uuid));
    }
}
