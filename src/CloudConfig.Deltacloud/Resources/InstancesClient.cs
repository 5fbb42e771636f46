using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud;

internal sealed partial class InstancesClient(DeltacloudContext context) : IInstancesClient
{
    private readonly ILogger _logger = context.Logger;

    public Task<IReadOnlyList<Instance>> ListAsync(InstanceQuery? query = null, CancellationToken cancellationToken = default)
    {
        var filters = new List<KeyValuePair<string, string>>();
        if (query?.Id is { } id)
        {
            filters.Add(new(DeltacloudRoutes.InstanceParams.Id, id));
        }

        if (query?.State is { } state)
        {
            filters.Add(new(DeltacloudRoutes.InstanceParams.State, state.Name));
        }

        if (query?.RealmId is { } realm)
        {
            filters.Add(new(DeltacloudRoutes.InstanceParams.RealmId, realm));
        }

        return context.ListAsync(DeltacloudRoutes.Instances, filters, static (p, b) => p.ParseInstances(b), cancellationToken);
    }

    public Task<Instance> GetAsync(string id, CancellationToken cancellationToken = default) =>
        context.GetAsync(DeltacloudRoutes.Instances, id, static (p, b) => p.ParseInstances(b), cancellationToken);

    public async Task<Instance> WaitForStateAsync(string id, DeltacloudInstanceState state, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        var time = context.TimeProvider;
        var started = time.GetTimestamp();
        var delay = context.Options.WaitPollInitialDelay;
        while (true)
        {
            var instance = await GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (instance.State == state)
            {
                return instance;
            }

            if (instance.State == DeltacloudInstanceState.Error)
            {
                throw new DeltacloudInvalidStateException($"Instance {id} entered ERROR while waiting for {state}.");
            }

            var remaining = timeout - time.GetElapsedTime(started);
            if (remaining <= TimeSpan.Zero)
            {
                throw new DeltacloudTimeoutException($"Instance {id} did not reach {state} within {timeout}; it is {instance.State}.");
            }

            await Task.Delay(delay < remaining ? delay : remaining, time, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, context.Options.WaitPollMaxDelay.Ticks));
        }
    }
}
