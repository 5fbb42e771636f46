using System.Runtime.CompilerServices;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;

namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>
/// A federated pair as the app and the instances see it, behind one <see cref="IConfigCache"/> for the conformance
/// suite: the app's calls go to the on-premises <see cref="FederatedConfigRegistry"/>, the instances' calls to the
/// cloud's <see cref="NatsConfigCache"/> (what its rendezvous server runs on).
/// </summary>
/// <remarks>
/// The settle step: before a call on one side, when the other side has been used since the last settle, the pair
/// waits until the link has carried everything across (each mirror's last sequence has reached its origin's; see
/// <see cref="NatsFederation.SettleAsync"/>). In production nobody waits: an instance boots seconds after its
/// registration, and the app reads reports as they arrive; the suite calls both sides back to back.
/// </remarks>
internal sealed class FederatedPairCache(NatsFederation federation, string cloud, string prefix, FederatedConfigRegistry registry, NatsConfigCache rendezvous)
    : IConfigCache, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private Task _settled = Task.CompletedTask;
    private Side _lastSide;

    private enum Side
    {
        None,
        Registry,
        Rendezvous,
    }

    public async Task<ConfigEntry> PreRegisterAsync(ConfigRegistration registration, CancellationToken cancellationToken = default) =>
        await registry.PreRegisterAsync(registration, await RegistrySideAsync(cancellationToken)).ConfigureAwait(false);

    public async Task<ConfigEntry?> GetAsync(Guid uuid, CancellationToken cancellationToken = default) =>
        await registry.GetAsync(uuid, await RegistrySideAsync(cancellationToken));

    public async Task<ConfigEntry> UpdateConfigurationAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default) =>
        await registry.UpdateConfigurationAsync(uuid, configuration, await RegistrySideAsync(cancellationToken));

    public async Task<bool> RemoveAsync(Guid uuid, CancellationToken cancellationToken = default) =>
        await registry.RemoveAsync(uuid, await RegistrySideAsync(cancellationToken));

    public async Task<int> RemoveStaleAsync(TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await registry.RemoveStaleAsync(timeout, await RegistrySideAsync(cancellationToken));

    public async IAsyncEnumerable<ConfigEntry> ListAsync(ConfigEntryQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in registry.ListAsync(query, await RegistrySideAsync(cancellationToken)))
        {
            yield return entry;
        }
    }

    public async Task<InstanceConfiguration> FetchAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default) =>
        await rendezvous.FetchAsync(uuid, credential, await RendezvousSideAsync(cancellationToken));

    public async Task UpdateCacheAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default) =>
        await rendezvous.UpdateCacheAsync(uuid, trustKey, report, await RendezvousSideAsync(cancellationToken));

    public async Task<InstanceConfiguration?> WaitForUpdateAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        await rendezvous.WaitForUpdateAsync(uuid, trustKey, knownGeneration, timeout, await RendezvousSideAsync(cancellationToken));

    public async Task<InstanceConfiguration> AssignDynamicAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default) =>
        await rendezvous.AssignDynamicAsync(pool, poolCredential, trustKey, await RendezvousSideAsync(cancellationToken));

    public async ValueTask DisposeAsync()
    {
        await registry.DisposeAsync();
        await rendezvous.DisposeAsync();
    }

    private Task<CancellationToken> RegistrySideAsync(CancellationToken cancellationToken) => EnterAsync(Side.Registry, cancellationToken);

    private Task<CancellationToken> RendezvousSideAsync(CancellationToken cancellationToken) => EnterAsync(Side.Rendezvous, cancellationToken);

    /// <summary>
    /// Settles when the side changes; every call entering meanwhile (concurrent ones included) waits for that same
    /// settle, so none overtakes it.
    /// </summary>
    private async Task<CancellationToken> EnterAsync(Side side, CancellationToken cancellationToken)
    {
        Task settled;
        lock (_lock)
        {
            if (_lastSide != Side.None && _lastSide != side)
            {
                var previous = _settled;
                _settled = SettleAfterAsync(previous);
            }

            _lastSide = side;
            settled = _settled;
        }

        await settled.WaitAsync(cancellationToken);
        return cancellationToken;
    }

    private async Task SettleAfterAsync(Task previous)
    {
        await previous;
        await federation.SettleAsync(cloud, prefix);
    }
}
