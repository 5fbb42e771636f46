using CloudConfig.Core;

namespace CloudConfig.Cache.Conformance;

public abstract partial class ConfigCacheConformanceTests
{
    [Fact]
    public async Task PreRegister_NewEntry_IsReadableWithEveryField()
    {
        var uuid = Guid.NewGuid();
        var registration = ConfigRegistration.ForBootSecret(uuid, Script(), Secret.Generate()) with
        {
            Domain = "prod.example",
            ConfigHosts = ["10.0.0.5:8443", "[2001:db8::1]:8443"],
        };

        var returned = await Cache.PreRegisterAsync(registration);
        var read = await Cache.GetAsync(uuid);

        Assert.NotNull(read);
        Assert.Equal(returned, read);
        Assert.Equal(uuid, read.Uuid);
        Assert.Equal(Script(), read.Configuration);
        Assert.Equal(1, read.Generation);
        Assert.Equal("prod.example", read.Domain);
        Assert.Equal(["10.0.0.5:8443", "[2001:db8::1]:8443"], read.ConfigHosts);
        Assert.Equal(InstanceState.Registered, read.Status.State);
        Assert.Empty(read.Parameters);
        Assert.Null(read.Address);
        Assert.False(read.IsDynamic);
        Assert.False(read.IsClaimed);
        Assert.Equal(0, read.BootSecretReplays);
        Assert.Equal(Start, read.CreatedAt);
        Assert.Null(read.FirstContactAt);
        Assert.Null(read.LastContactAt);
    }

    [Fact]
    public async Task PreRegister_BinaryConfiguration_RoundTripsEveryByteAndTheContentType()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var configuration = ConfigurationContent.FromBytes(bytes, "application/x-tar");

        var (uuid, _) = await RegisterAsync(configuration: configuration);

        var read = await Cache.GetAsync(uuid);
        Assert.Equal(bytes, read!.Configuration.Bytes.ToArray());
        Assert.Equal("application/x-tar", read.Configuration.ContentType);
    }

    [Fact]
    public async Task PreRegister_DuplicateUuid_ThrowsAlreadyExistsAndKeepsTheOriginal()
    {
        var (uuid, _) = await RegisterAsync(configuration: Script("original"));

        var duplicate = ConfigRegistration.ForBootSecret(uuid, Script("intruder"), Secret.Generate());
        var error = await Assert.ThrowsAsync<ConfigEntryAlreadyExistsException>(() => Cache.PreRegisterAsync(duplicate));

        Assert.Equal(uuid, error.Uuid);
        Assert.Equal("original", (await Cache.GetAsync(uuid))!.Configuration.AsText());
        Assert.Single(await ListAllAsync());
    }

    [Fact]
    public async Task PreRegister_EmptyUuid_ThrowsInvalidInputNamingUuidAndStoresNothing()
    {
        var registration = ConfigRegistration.ForBootSecret(Guid.Empty, Script(), Secret.Generate());

        var error = await Assert.ThrowsAsync<InvalidConfigInputException>(() => Cache.PreRegisterAsync(registration));

        Assert.Equal("uuid", error.Field);
        Assert.Empty(await ListAllAsync());
    }

    [Fact]
    public async Task PreRegister_OversizedConfiguration_ThrowsTooLargeAndStoresNothing()
    {
        var oversized = ConfigurationContent.FromBytes(new byte[Limits.MaxConfigurationBytes + 1]);
        var uuid = Guid.NewGuid();

        var error = await Assert.ThrowsAsync<ConfigurationTooLargeException>(
            () => Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, oversized, Secret.Generate())));

        Assert.Equal("configuration", error.Field);
        Assert.Equal(Limits.MaxConfigurationBytes, error.Limit);
        Assert.Null(await Cache.GetAsync(uuid));
        Assert.Empty(await ListAllAsync());
    }

    [Fact]
    public async Task PreRegister_ConfigurationExactlyAtTheLimit_IsAccepted()
    {
        var atLimit = ConfigurationContent.FromBytes(new byte[Limits.MaxConfigurationBytes]);

        var (uuid, _) = await RegisterAsync(configuration: atLimit);

        Assert.Equal(Limits.MaxConfigurationBytes, (await Cache.GetAsync(uuid))!.Configuration.Length);
    }

    [Fact]
    public async Task PreRegister_ControlCharacterInDomain_ThrowsInvalidInputNamingDomain()
    {
        var registration = ConfigRegistration.ForBootSecret(Guid.NewGuid(), Script(), Secret.Generate()) with { Domain = "evil\n" };

        var error = await Assert.ThrowsAsync<InvalidConfigInputException>(() => Cache.PreRegisterAsync(registration));

        Assert.Equal("domain", error.Field);
        Assert.Empty(await ListAllAsync());
    }

    [Fact]
    public async Task Get_UnknownUuid_ReturnsNull()
    {
        Assert.Null(await Cache.GetAsync(Guid.NewGuid()));
    }

    [Fact]
    public async Task Entry_NeverShowsTheSecretOrItsHash()
    {
        var (uuid, secret) = await RegisterAsync();

        var text = (await Cache.GetAsync(uuid))!.ToString();

        Assert.DoesNotContain(secret.Reveal(), text, StringComparison.Ordinal);
        Assert.DoesNotContain(secret.Hash().ToString(), text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remove_ExistingEntry_ReturnsTrueThenFalseAndTheEntryIsGone()
    {
        var (uuid, secret) = await RegisterAsync();

        Assert.True(await Cache.RemoveAsync(uuid));
        Assert.False(await Cache.RemoveAsync(uuid));
        Assert.Null(await Cache.GetAsync(uuid));
        await AssertRefusedAsync(() => Cache.FetchAsync(uuid, InstanceCredential.FirstContact(secret, Secret.Generate())));
    }

    [Fact]
    public async Task List_ReturnsEveryEntryAndFiltersByDomainAndPool()
    {
        var (a, _) = await RegisterAsync("alpha");
        var (b, _) = await RegisterAsync("beta");
        var pooled = await RegisterPoolAsync("workers", Secret.Generate(), 2);

        var all = await ListAllAsync();
        var alpha = await ListAllAsync(new ConfigEntryQuery { Domain = "alpha" });
        var workers = await ListAllAsync(new ConfigEntryQuery { DynamicPool = "workers" });

        Assert.Equal(new[] { a, b }.Concat(pooled).Order(), all.Select(e => e.Uuid).Order());
        Assert.Equal([a], alpha.Select(e => e.Uuid));
        Assert.Equal(pooled.Order(), workers.Select(e => e.Uuid).Order());
    }
}
