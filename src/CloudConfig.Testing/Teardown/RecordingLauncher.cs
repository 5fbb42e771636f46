using CloudConfig.Core;

namespace CloudConfig.Testing;

/// <summary>The fleet's outermost launcher: passes every call on and writes what it started into the ledger.</summary>
internal sealed class RecordingLauncher(IInstanceLauncher inner, LaunchLedger ledger) : IInstanceLauncher
{
    public async Task<LaunchedInstance> LaunchAsync(InstanceLaunchRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            var instance = await inner.LaunchAsync(request, cancellationToken).ConfigureAwait(false);
            ledger.Launched(instance.InstanceId, request.Name);
            return instance;
        }
        catch (Exception) when (request.Name is { Length: > 0 } name)
        {
            ledger.LaunchUnanswered(name);
            throw;
        }
    }

    public Task<LaunchedInstance?> GetAsync(string instanceId, CancellationToken cancellationToken = default) =>
        inner.GetAsync(instanceId, cancellationToken);

    public Task<IReadOnlyList<LaunchedInstance>> FindByNameAsync(string name, CancellationToken cancellationToken = default) =>
        inner.FindByNameAsync(name, cancellationToken);

    public async Task TerminateAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await inner.TerminateAsync(instanceId, cancellationToken).ConfigureAwait(false);
        ledger.Terminated(instanceId);
    }
}
