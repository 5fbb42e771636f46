using System.Diagnostics.Metrics;
using CloudConfig.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// A config cache on NATS JetStream key-value buckets. On a single site it is a distributed backend like Redis:
/// any number of rendezvous processes share it, and with file storage nothing is lost when they or the server
/// restart. Every rule is decided by a compare-and-swap on one key (a create that fails if the key exists, an update
/// or removal that fails if the key moved on), so it holds across processes exactly as the in-memory cache holds
/// across threads. Long polls wait on a watch of the registrations.
/// </summary>
/// <remarks>
/// <para>
/// With <see cref="NatsConfigCacheOptions.OnPremisesDomain"/> set it is a cloud site of a federation: it serves the
/// instances (fetch, <c>update_cache</c>, <c>assign_dynamic</c>, long polls) from mirrors of the on-premises
/// registrations, and writes what they do into its own bucket, which the on-premises
/// <see cref="FederatedConfigRegistry"/> mirrors back. Reads work there too; registry writes are refused.
/// </para>
/// <para>
/// Connects lazily and tolerates NATS being down: while it is, every call fails within
/// <see cref="NatsStoreOptions.OperationTimeout"/> with <see cref="ConfigCacheUnavailableException"/>, and works again
/// once the server is back. "Now" comes from the injected <see cref="TimeProvider"/>, so processes sharing the
/// buckets should have synchronised clocks.
/// </para>
/// </remarks>
public sealed partial class NatsConfigCache : IConfigCache, IAsyncDisposable
{
    private readonly NatsSite _site;
    private readonly SiteRegistry _registry;
    private readonly SiteRendezvous _rendezvous;
    private readonly ChangeWatcher _watcher;
    private readonly ConfigChangeSignals _signals = new();
    private readonly TimeProvider _time;
    private readonly CacheTelemetry _telemetry;
    private int _disposed;

    /// <summary>Creates a cache; it connects on first use.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <param name="meterFactory">Where the cache's meter (<see cref="MeterName"/>) comes from; a meter of its own when null.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public NatsConfigCache(IOptions<NatsConfigCacheOptions> options, TimeProvider? timeProvider = null, ILogger<NatsConfigCache>? logger = null, IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var validation = new NatsConfigCacheOptionsValidator().Validate(Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(NatsConfigCacheOptions), validation.Failures);
        }

        ILogger log = logger ?? NullLogger<NatsConfigCache>.Instance;
        _time = timeProvider ?? TimeProvider.System;
        var settings = StoreSettings.From(value);
        var layout = value.OnPremisesDomain is { } onPremises ? SiteLayout.Cloud(onPremises) : SiteLayout.Standalone;
        var connection = new NatsSiteConnection(
            new NatsConnectionSettings(value.Url, value.Username, value.Password, value.Connection, value.ConfigureConnection),
            settings.OperationTimeout,
            value.OnPremisesDomain is null ? "this site" : "this cloud site",
            log);
        _site = new NatsSite(connection, settings, layout, log);
        var queue = new PoolQueue();
        _registry = new SiteRegistry(_site, queue, _time, log);
        _rendezvous = new SiteRendezvous(_site, queue, new TrustBindings(value.ContactWriteInterval), _time, log);
        _watcher = new ChangeWatcher(_site, _signals, log);
        _telemetry = NatsTelemetry.Create(value, meterFactory);
    }

    /// <summary>Whether this cache is a cloud site of a federation (registrations come from on premises).</summary>
    public bool IsCloudSite => !_site.Layout.WritesRegistrations;

    /// <summary>How many uuids have a wake-up signal now; for tests that waiters leave nothing behind.</summary>
    internal int ChangeSignalCount => _signals.Count;

    /// <summary>The connection to this site's server, for the health check.</summary>
    internal NatsSiteConnection Connection => _site.Connection;

    /// <inheritdoc cref="IConfigRegistry.PreRegisterAsync" />
    private Task<ConfigEntry> PreRegisterCoreAsync(ConfigRegistration registration, CancellationToken cancellationToken = default)
    {
        EnsureWritesRegistrations("pre_register");
        return _registry.PreRegisterAsync(registration, cancellationToken);
    }

    /// <inheritdoc cref="IConfigRegistry.GetAsync" />
    private Task<ConfigEntry?> GetCoreAsync(Guid uuid, CancellationToken cancellationToken = default) =>
        _registry.GetAsync(uuid, cancellationToken);

    /// <inheritdoc cref="IConfigRegistry.UpdateConfigurationAsync" />
    private Task<ConfigEntry> UpdateConfigurationCoreAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default)
    {
        EnsureWritesRegistrations("update_configuration");
        return _registry.UpdateConfigurationAsync(uuid, configuration, cancellationToken);
    }

    /// <inheritdoc cref="IConfigRegistry.RemoveAsync" />
    private Task<bool> RemoveCoreAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        EnsureWritesRegistrations("remove");
        return _registry.RemoveAsync(uuid, cancellationToken);
    }

    /// <inheritdoc cref="IConfigRegistry.RemoveStaleAsync" />
    private Task<int> RemoveStaleCoreAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        EnsureWritesRegistrations("remove_stale");
        return _registry.RemoveStaleAsync(timeout, cancellationToken);
    }

    /// <inheritdoc cref="IConfigRegistry.ListAsync" />
    private IAsyncEnumerable<ConfigEntry> ListCoreAsync(ConfigEntryQuery? query = null, CancellationToken cancellationToken = default) =>
        _registry.ListAsync(query, cancellationToken);

    /// <inheritdoc cref="IConfigRendezvous.FetchAsync" />
    private Task<InstanceConfiguration> FetchCoreAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default) =>
        _rendezvous.FetchAsync(uuid, credential, cancellationToken);

    /// <inheritdoc cref="IConfigRendezvous.UpdateCacheAsync" />
    private Task UpdateCacheCoreAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default) =>
        _rendezvous.UpdateCacheAsync(uuid, trustKey, report, cancellationToken);

    /// <inheritdoc cref="IConfigRendezvous.AssignDynamicAsync" />
    private Task<InstanceConfiguration> AssignDynamicCoreAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default) =>
        _rendezvous.AssignDynamicAsync(pool, poolCredential, trustKey, cancellationToken);

    /// <inheritdoc cref="IConfigRendezvous.WaitForUpdateAsync" />
    private async Task<InstanceConfiguration?> WaitForUpdateCoreAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trustKey);
        // A negative timeout is refused by the waiter; only a real wait needs the watch.
        if (timeout > TimeSpan.Zero)
        {
            await _watcher.EnsureWatchingAsync(cancellationToken).ConfigureAwait(false);
        }

        var credential = InstanceCredential.Trusted(trustKey);
        return await ConfigUpdateWaiter.WaitAsync(_signals, uuid, knownGeneration, timeout, ct => FetchAsync(uuid, credential, ct), _time, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the watch and closes the connection if the cache opened it.</summary>
    public async ValueTask DisposeAsync()
    {
        // Containers may dispose it once per registration it is resolved through.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _watcher.DisposeAsync().ConfigureAwait(false);
        await _site.DisposeAsync().ConfigureAwait(false);
    }

    private void EnsureWritesRegistrations(string operation)
    {
        if (!_site.Layout.WritesRegistrations)
        {
            throw new NatsReadOnlySiteException(operation);
        }
    }
}
