using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Cache.Conformance;

/// <summary>
/// The behaviour every <see cref="IConfigCache"/> must show: each operation of the contract and each security
/// rule. An implementation's tests subclass this class and say how to build the cache under test.
/// </summary>
/// <remarks>
/// The cache must read time from the <see cref="FakeTimeProvider"/> it is given (for a remote cache: the server
/// side), must be configured with <see cref="Limits"/>, and must start empty. Retry delays of a client in
/// front of a remote cache should keep the real clock, or they would never elapse.
/// </remarks>
public abstract partial class ConfigCacheConformanceTests : IAsyncLifetime
{
    /// <summary>The moment every test starts at.</summary>
    protected static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>The clock the cache under test reads.</summary>
    protected FakeTimeProvider Time { get; } = new(Start);

    /// <summary>The cache under test.</summary>
    protected IConfigCache Cache { get; private set; } = null!;

    /// <summary>The limits the cache under test must enforce: small, so that the suite can cross them cheaply.</summary>
    public static ConfigCacheLimits Limits => new()
    {
        MaxConfigurationBytes = 64 * 1024,
        MaxParameters = 16,
        MaxParameterKeyLength = 64,
        MaxParameterValueLength = 4096,
        MaxStatusDetailLength = 4096,
        MaxEntries = 100_000,
    };

    /// <summary>How many claimers race in the contention test.</summary>
    protected virtual int ConcurrentClaimers => 32;

    /// <summary>How many dynamic entries they race for.</summary>
    protected virtual int ContendedEntries => 10_000;

    /// <summary>Builds an empty cache that reads <paramref name="time"/> and enforces <paramref name="limits"/>.</summary>
    protected abstract Task<IConfigCache> CreateCacheAsync(FakeTimeProvider time, ConfigCacheLimits limits);

    /// <summary>Releases the cache after a test; disposes it when it is disposable.</summary>
    protected virtual Task DisposeCacheAsync(IConfigCache cache) => CacheDisposal.DisposeAsync(cache);

    /// <inheritdoc />
    public async Task InitializeAsync() => Cache = await CreateCacheAsync(Time, Limits);

    /// <inheritdoc />
    public Task DisposeAsync() => Cache is null ? Task.CompletedTask : DisposeCacheAsync(Cache);

    /// <summary>A small text configuration.</summary>
    protected static ConfigurationContent Script(string text = "#!/bin/sh\necho configured\n") =>
        ConfigurationContent.FromText(text, "text/x-shellscript");

    /// <summary>Registers an entry bound to a fresh boot secret.</summary>
    protected async Task<(Guid Uuid, Secret BootSecret)> RegisterAsync(string domain = "", ConfigurationContent? configuration = null)
    {
        var uuid = Guid.NewGuid();
        var secret = Secret.Generate();
        await Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, configuration ?? Script(), secret) with { Domain = domain });
        return (uuid, secret);
    }

    /// <summary>Registers an entry and makes first contact, as a booted agent would.</summary>
    protected async Task<(Guid Uuid, Secret BootSecret, Secret TrustKey)> RegisterAndClaimAsync(string domain = "")
    {
        var (uuid, bootSecret) = await RegisterAsync(domain);
        var trustKey = Secret.Generate();
        await Cache.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        return (uuid, bootSecret, trustKey);
    }

    /// <summary>Registers <paramref name="count"/> dynamic entries in order and returns their uuids in that order.</summary>
    protected async Task<IReadOnlyList<Guid>> RegisterPoolAsync(string pool, Secret credential, int count)
    {
        var uuids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var uuid = Guid.NewGuid();
            await Cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(uuid, Script($"echo {i}"), pool, credential));
            uuids.Add(uuid);
        }

        return uuids;
    }

    /// <summary>Every entry the cache lists.</summary>
    protected async Task<List<ConfigEntry>> ListAllAsync(ConfigEntryQuery? query = null)
    {
        var entries = new List<ConfigEntry>();
        await foreach (var entry in Cache.ListAsync(query))
        {
            entries.Add(entry);
        }

        return entries;
    }

    /// <summary>Asserts a refusal is the one indistinguishable "not found or not authorised" answer.</summary>
    protected static async Task<ConfigEntryNotFoundException> AssertRefusedAsync(Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<ConfigEntryNotFoundException>(call);
        Assert.Equal(ConfigEntryNotFoundException.StandardMessage, error.Message);
        return error;
    }
}
