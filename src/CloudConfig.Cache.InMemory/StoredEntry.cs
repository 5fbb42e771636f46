using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory;

/// <summary>
/// An entry as the cache holds it: the public view plus the hashes that authenticate it. Immutable, so an update
/// is a compare-and-swap of the whole object and readers never see half a change. It is a class without value
/// equality on purpose: the swaps compare references. Every version of one entry shares its
/// <see cref="ContactNode"/>, the entry's place in the stale index.
/// </summary>
internal sealed class StoredEntry(ConfigEntry entry, SecretHash credential, SecretHash? trustKeyHash, ContactNode contact)
{
    public ConfigEntry Entry { get; } = entry;

    /// <summary>The boot secret's hash, or the pool credential's hash for a dynamic entry.</summary>
    public SecretHash Credential { get; } = credential;

    /// <summary>The claiming instance's trust key hash; null until the entry is claimed.</summary>
    public SecretHash? TrustKeyHash { get; } = trustKeyHash;

    // What an instance is served, as the completed task the cache answers with: the same until the configuration
    // changes, so contacts share one (a task per fetch was a tenth of a fetch's allocation). One field, so an entry
    // is no larger than when it kept the view alone.
    private Task<InstanceConfiguration>? _instanceView;

    public ContactNode Contact { get; } = contact;

    public StoredEntry With(ConfigEntry entry) => new(entry, Credential, TrustKeyHash, Contact);

    /// <summary>This entry contacted at <paramref name="now"/>: only the last-contact time changes.</summary>
    public StoredEntry Touched(DateTimeOffset now) =>
        new(Entry with { LastContactAt = now }, Credential, TrustKeyHash, Contact) { _instanceView = _instanceView };

    public StoredEntry Claim(SecretHash trustKeyHash, DateTimeOffset now) =>
        new(Entry with { IsClaimed = true, FirstContactAt = now, LastContactAt = now }, Credential, trustKeyHash, Contact);

    public InstanceConfiguration ToInstanceConfiguration() => ToInstanceConfigurationTask().Result;

    /// <summary><see cref="ToInstanceConfiguration"/> as a completed task.</summary>
    public Task<InstanceConfiguration> ToInstanceConfigurationTask() =>
        _instanceView ??= Task.FromResult(new InstanceConfiguration(Entry.Uuid, Entry.Configuration, Entry.Generation) { Domain = Entry.Domain, ConfigHosts = Entry.ConfigHosts });
}
