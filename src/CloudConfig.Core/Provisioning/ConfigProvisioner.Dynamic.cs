using System.Runtime.CompilerServices;

namespace CloudConfig.Core;

// Flow (c): entries registered in a pool, instances started with no user data, claims watched from the app.
public sealed partial class ConfigProvisioner
{
    /// <summary>
    /// Registers one dynamic entry per configuration in a pool, in order. Booting instances holding the pool
    /// credential claim them first come, first served. If any registration fails, the ones already made are removed.
    /// </summary>
    /// <param name="pool">The pool's name.</param>
    /// <param name="configurations">The configurations, in the order they will be handed out.</param>
    /// <param name="poolCredential">The credential to use; a fresh one when null. It must be the same for every registration into a pool.</param>
    /// <param name="cancellationToken">Cancels the registrations.</param>
    public async Task<DynamicPoolRegistration> RegisterDynamicPoolAsync(
        string pool,
        IReadOnlyList<ConfigurationContent> configurations,
        Secret? poolCredential = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        ArgumentNullException.ThrowIfNull(configurations);
        var credential = poolCredential ?? Secret.Generate();
        var uuids = new List<Guid>(configurations.Count);
        try
        {
            foreach (var configuration in configurations)
            {
                var uuid = Guid.NewGuid();
                await _registry.PreRegisterAsync(
                    ConfigRegistration.ForDynamicPool(uuid, configuration, pool, credential) with { Domain = _options.DefaultDomain },
                    cancellationToken).ConfigureAwait(false);
                uuids.Add(uuid);
            }
        }
        catch (Exception e)
        {
            foreach (var uuid in uuids)
            {
                await TryRemoveEntryAsync(uuid).ConfigureAwait(false);
            }

            throw new ProvisioningException($"Registering dynamic pool '{pool}' failed after {uuids.Count} entries; those were removed.", ProvisioningStage.Register, Guid.Empty, e);
        }

        Log.PoolRegistered(_logger, pool, uuids.Count);
        return new DynamicPoolRegistration(pool, credential, uuids);
    }

    /// <summary>Starts an instance with no user data, for an image whose agent claims a dynamic entry.</summary>
    public Task<LaunchedInstance> LaunchForPoolAsync(InstanceLaunchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _launcher.LaunchAsync(request with { UserData = null }, cancellationToken);
    }

    /// <summary>
    /// Yields a pool's entries as instances claim them and report, each time one changes; ends when the token is
    /// cancelled.
    /// </summary>
    public async IAsyncEnumerable<ConfigEntry> WatchPoolAsync(string pool, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pool);
        var seen = new Dictionary<Guid, ConfigEntry>();
        var query = new ConfigEntryQuery { DynamicPool = pool };
        while (!cancellationToken.IsCancellationRequested)
        {
            await foreach (var entry in _registry.ListAsync(query, cancellationToken).ConfigureAwait(false))
            {
                if (entry.IsClaimed && (!seen.TryGetValue(entry.Uuid, out var before) || HasInstanceChanged(before, entry)))
                {
                    seen[entry.Uuid] = entry;
                    yield return entry;
                }
            }

            await Task.Delay(_options.StatusPollInterval, _time, cancellationToken).ConfigureAwait(false);
        }
    }
}
