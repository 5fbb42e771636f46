using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory;

/// <summary>
/// Everything the cache keeps for one entry, in one object: the entry's fields, the hashes that authenticate it and
/// its place in its shard's last-contact order. Every member is read and changed under its shard's lock only.
/// </summary>
/// <remarks>
/// One mutable object per entry rather than an immutable <see cref="ConfigEntry"/> swapped on every change: a contact
/// then writes a time and moves two links instead of allocating a new entry, and a registration keeps one object
/// instead of four (entry, wrapper, stale-index node, dictionary node). Profiles showed those objects, kept alive
/// across collections, as most of a registration's cost. The public view is built when someone reads it.
/// </remarks>
internal sealed class EntrySlot
{
    private readonly string _domain;
    private readonly IReadOnlyList<string> _configHosts;

    // Times as UTC ticks, as the distributed caches keep them (a clock's offset is not kept): 8 bytes each, not 16.
    private readonly long _createdTicks;
    private ConfigurationContent _configuration;
    private long _generation = 1;
    private string? _address;
    private InstanceStatus _status = InstanceStatus.Registered;
    private IReadOnlyDictionary<string, ParameterValue> _parameters = ConfigEntry.NoParameters;
    private int _bootSecretReplays;

    // Meaningful once claimed: a claim sets both, and only a claimed entry is ever contacted.
    private long _firstContactTicks;
    private long _lastContactTicks;

    // What an instance is served, as the completed task the cache answers with: the same until the configuration
    // changes, so contacts share one.
    private Task<InstanceConfiguration>? _instanceView;

    public EntrySlot(ConfigRegistration registration, DateTimeOffset now)
    {
        Uuid = registration.Uuid;
        Credential = registration.CredentialHash;
        DynamicPool = registration.DynamicPool;
        _configuration = registration.Configuration;
        _domain = registration.Domain;
        // Copied so the caller cannot change the stored list afterwards; an empty one needs no copy.
        _configHosts = registration.ConfigHosts.Count == 0 ? [] : [.. registration.ConfigHosts];
        _createdTicks = now.UtcTicks;
    }

    public Guid Uuid { get; }

    /// <summary>The boot secret's hash, or the pool credential's hash for a dynamic entry.</summary>
    public SecretHash Credential { get; }

    /// <summary>The claiming instance's trust key hash; null until the entry is claimed.</summary>
    public SecretHash? TrustKeyHash { get; private set; }

    public string? DynamicPool { get; }

    public bool IsDynamic => DynamicPool is not null;

    public bool IsClaimed => TrustKeyHash is not null;

    /// <summary>The moment staleness is measured from, in UTC ticks: the last contact, or the registration if there was none.</summary>
    public long LastSeenTicks => IsClaimed ? _lastContactTicks : _createdTicks;

    /// <summary>The next older slot of the shard's last-contact order; kept by <see cref="EntryShard"/>.</summary>
    public EntrySlot? Older { get; set; }

    /// <summary>The next newer slot of the shard's last-contact order; kept by <see cref="EntryShard"/>.</summary>
    public EntrySlot? Newer { get; set; }

    /// <summary>The first contact: the instance's trust key is bound to the entry from now on.</summary>
    public void Claim(SecretHash trustKeyHash, DateTimeOffset now)
    {
        TrustKeyHash = trustKeyHash;
        _firstContactTicks = now.UtcTicks;
        _lastContactTicks = now.UtcTicks;
    }

    /// <summary>A later contact: only the last-contact time changes.</summary>
    public void Touch(DateTimeOffset now) => _lastContactTicks = now.UtcTicks;

    /// <summary>The instance's report (update_cache), which is also a contact.</summary>
    public void Report(string? address, IReadOnlyDictionary<string, ParameterValue> parameters, InstanceStatus status, DateTimeOffset now)
    {
        _address = address;
        _parameters = parameters;
        _status = status;
        _lastContactTicks = now.UtcTicks;
    }

    /// <summary>The app replaced the configuration: the next generation, and a new view for instances.</summary>
    public void ReplaceConfiguration(ConfigurationContent configuration)
    {
        _configuration = configuration;
        _generation++;
        _instanceView = null;
    }

    /// <summary>A consumed boot secret was presented again without its trust key.</summary>
    public void CountBootSecretReplay() => _bootSecretReplays++;

    /// <summary>The entry as the app sees it, built now (it changes with every contact, so it is not kept).</summary>
    public ConfigEntry ToEntry() => new()
    {
        Uuid = Uuid,
        Configuration = _configuration,
        Generation = _generation,
        Domain = _domain,
        Address = _address,
        Status = _status,
        Parameters = _parameters,
        ConfigHosts = _configHosts,
        DynamicPool = DynamicPool,
        IsClaimed = IsClaimed,
        BootSecretReplays = _bootSecretReplays,
        CreatedAt = Utc(_createdTicks),
        FirstContactAt = IsClaimed ? Utc(_firstContactTicks) : null,
        LastContactAt = IsClaimed ? Utc(_lastContactTicks) : null,
    };

    /// <summary>What the instance is served, as a completed task shared by every contact until the configuration changes.</summary>
    public Task<InstanceConfiguration> InstanceView() =>
        _instanceView ??= Task.FromResult(new InstanceConfiguration(Uuid, _configuration, _generation) { Domain = _domain, ConfigHosts = _configHosts });

    private static DateTimeOffset Utc(long ticks) => new(ticks, TimeSpan.Zero);
}
