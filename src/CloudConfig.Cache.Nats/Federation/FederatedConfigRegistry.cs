using System.Runtime.CompilerServices;
using CloudConfig.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// The app's one registry over all its clouds, on premises: each registration goes to the cloud its
/// <see cref="ConfigRegistration.Domain"/> names and is written into that cloud's account on the on-premises NATS
/// server, whose leaf connection (dialled out to the cloud) feeds the cloud's read-only mirrors; what instances do in
/// the cloud comes back through the on-premises mirror of the cloud's instances bucket. So registering, reading
/// reports, updating and removing all work locally, also while a link is down; the cloud catches up when it returns.
/// </summary>
/// <remarks>
/// Each cloud runs its rendezvous server over a <see cref="NatsConfigCache"/> with
/// <see cref="NatsConfigCacheOptions.OnPremisesDomain"/> set. Use the same <see cref="NatsStoreOptions.BucketPrefix"/>
/// at every site. How current the view of each cloud is: <see cref="GetLinkStatusAsync"/> and the gauges on
/// <see cref="MeterName"/>.
/// </remarks>
public sealed partial class FederatedConfigRegistry : IConfigRegistry, IAsyncDisposable
{
    /// <summary>The name of the meter with the link gauges.</summary>
    public const string MeterName = "CloudConfig.Cache.Nats.Federation";

    private readonly IReadOnlyList<CloudLink> _links;
    private readonly CloudLink? _defaultLink;
    private readonly FederationMetrics _metrics;
    private readonly ILogger _logger;
    private readonly ITimer? _statusTimer;
    private int _refreshing;
    private int _disposed;

    /// <summary>Creates the registry; it connects on first use.</summary>
    /// <param name="options">The options.</param>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <param name="meterFactory">Creates the meter for the link gauges; a meter of its own when null.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public FederatedConfigRegistry(
        IOptions<FederatedConfigRegistryOptions> options,
        TimeProvider? timeProvider = null,
        ILogger<FederatedConfigRegistry>? logger = null,
        System.Diagnostics.Metrics.IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        var validation = new FederatedConfigRegistryOptionsValidator().Validate(Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(FederatedConfigRegistryOptions), validation.Failures);
        }

        _logger = logger ?? NullLogger<FederatedConfigRegistry>.Instance;
        var time = timeProvider ?? TimeProvider.System;
        var settings = StoreSettings.From(value);
        _links = [.. value.Clouds.Select(c => new CloudLink(c, settings, time, _logger))];
        _defaultLink = _links.FirstOrDefault(l => l.Domain == value.DefaultDomain);
        _metrics = new FederationMetrics(meterFactory, _links);
        if (value.LinkStatusInterval > TimeSpan.Zero)
        {
            _statusTimer = time.CreateTimer(_ => RefreshStatusesInBackground(), null, value.LinkStatusInterval, value.LinkStatusInterval);
        }
    }

    /// <summary>The entry domains of the clouds, in the order configured.</summary>
    public IReadOnlyList<string> Domains => [.. _links.Select(l => l.Domain)];

    /// <inheritdoc />
    /// <exception cref="InvalidConfigInputException">The domain names no cloud and there is no default cloud.</exception>
    public async Task<ConfigEntry> PreRegisterAsync(ConfigRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var link = Route(registration.Domain);
        // A uuid names one entry across all clouds.
        foreach (var other in _links.Where(l => l != link))
        {
            if (await other.Registry.GetAsync(registration.Uuid, cancellationToken).ConfigureAwait(false) is not null)
            {
                throw new ConfigEntryAlreadyExistsException(registration.Uuid);
            }
        }

        return await link.Registry.PreRegisterAsync(registration, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <remarks>What the instance reported comes from the local mirror of its cloud: as current as that link (see <see cref="GetLinkStatusAsync"/>).</remarks>
    public async Task<ConfigEntry?> GetAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        var found = await Task.WhenAll(_links.Select(l => l.Registry.GetAsync(uuid, cancellationToken))).ConfigureAwait(false);
        return found.FirstOrDefault(e => e is not null);
    }

    /// <inheritdoc />
    public async Task<ConfigEntry> UpdateConfigurationAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default)
    {
        foreach (var link in _links)
        {
            try
            {
                return await link.Registry.UpdateConfigurationAsync(uuid, configuration, cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigEntryNotFoundException) when (link != _links[^1])
            {
                // In another cloud, or nowhere: the last cloud's answer stands.
            }
        }

        throw new ConfigEntryNotFoundException();
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        var removed = false;
        foreach (var link in _links)
        {
            removed |= await link.Registry.RemoveAsync(uuid, cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    /// <inheritdoc />
    /// <remarks>
    /// Decides on the app's view: contacts reach it through each cloud's mirror. A cloud whose link is down is left
    /// alone (its entries are judged once the link is back): its instances' contacts cannot arrive meanwhile, so a
    /// live instance would look stale. With the link up, an entry contacted within the link's lag (milliseconds)
    /// may still be removed. A removal reaches the cloud when the link allows, and the cloud then drops what the
    /// instance left.
    /// </remarks>
    public async Task<int> RemoveStaleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ConfigInputValidator.ValidateStaleTimeout(timeout);
        var removed = 0;
        foreach (var link in _links)
        {
            var status = await link.ReadStatusAsync(cancellationToken).ConfigureAwait(false);
            if (!status.IsUp)
            {
                Log.StaleSweepDeferred(_logger, link.Domain, status.SinceLastContact);
                continue;
            }

            removed += await link.Registry.RemoveStaleAsync(timeout, cancellationToken).ConfigureAwait(false);
        }

        return removed;
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ConfigEntry> ListAsync(ConfigEntryQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var link in _links)
        {
            await foreach (var entry in link.Registry.ListAsync(query, cancellationToken).ConfigureAwait(false))
            {
                yield return entry;
            }
        }
    }

    /// <summary>How current the app's view of the cloud serving <paramref name="domain"/> is, read now.</summary>
    /// <exception cref="ArgumentException">No cloud serves that domain.</exception>
    /// <exception cref="ConfigCacheUnavailableException">The on-premises NATS server could not be reached.</exception>
    public Task<CloudLinkStatus> GetLinkStatusAsync(string domain, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(domain);
        var link = _links.FirstOrDefault(l => l.Domain == domain) ?? throw new ArgumentException($"No cloud serves the domain '{domain}'.", nameof(domain));
        return link.ReadStatusAsync(cancellationToken);
    }

    /// <summary>Stops the background refresh and closes the connections the registry opened.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (_statusTimer is not null)
        {
            await _statusTimer.DisposeAsync().ConfigureAwait(false);
        }

        _metrics.Dispose();
        foreach (var link in _links)
        {
            await link.DisposeAsync().ConfigureAwait(false);
        }
    }

    private CloudLink Route(string? domain) =>
        _links.FirstOrDefault(l => l.Domain == domain) ?? _defaultLink
        ?? throw new InvalidConfigInputException("domain", "names no cloud this registry federates with.");

    private void RefreshStatusesInBackground()
    {
        // One refresh at a time; a slow server must not pile refreshes up.
        if (Interlocked.Exchange(ref _refreshing, 1) == 1)
        {
            return;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                foreach (var link in _links)
                {
                    try
                    {
                        var status = await link.ReadStatusAsync(CancellationToken.None).ConfigureAwait(false);
                        if (!status.IsUp)
                        {
                            Log.LinkDown(_logger, status.Domain, status.SinceLastContact);
                        }
                    }
                    catch (Exception e) when (e is ConfigCacheException or ObjectDisposedException)
                    {
                        // Unreachable now, or the registry is being disposed: the next round tries again.
                        Log.StatusUnavailable(_logger, link.Domain, e.GetType().Name);
                    }
                }
            }
            finally
            {
                Volatile.Write(ref _refreshing, 0);
            }
        });
    }
}
