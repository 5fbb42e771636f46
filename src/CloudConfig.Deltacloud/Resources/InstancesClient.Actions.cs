using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud;

/// <summary>Actions, by link or by id, and the reconciliation that keeps a lost answer from repeating an action.</summary>
internal sealed partial class InstancesClient
{
    public async Task<Instance> StartAsync(Instance instance, CancellationToken cancellationToken = default) =>
        await PerformActionAsync(instance, InstanceActions.Start, cancellationToken).ConfigureAwait(false)
        ?? await GetAsync(instance.Id, cancellationToken).ConfigureAwait(false);

    public async Task<Instance> StopAsync(Instance instance, CancellationToken cancellationToken = default) =>
        await PerformActionAsync(instance, InstanceActions.Stop, cancellationToken).ConfigureAwait(false)
        ?? await GetAsync(instance.Id, cancellationToken).ConfigureAwait(false);

    public async Task<Instance> RebootAsync(Instance instance, CancellationToken cancellationToken = default) =>
        await PerformActionAsync(instance, InstanceActions.Reboot, cancellationToken).ConfigureAwait(false)
        ?? await GetAsync(instance.Id, cancellationToken).ConfigureAwait(false);

    public Task DestroyAsync(Instance instance, CancellationToken cancellationToken = default) =>
        PerformActionAsync(instance, InstanceActions.Destroy, cancellationToken);

    public Task<Instance> StartAsync(string id, CancellationToken cancellationToken = default) =>
        ActByIdAsync(id, InstanceActions.Start, cancellationToken);

    public Task<Instance> StopAsync(string id, CancellationToken cancellationToken = default) =>
        ActByIdAsync(id, InstanceActions.Stop, cancellationToken);

    public Task<Instance> RebootAsync(string id, CancellationToken cancellationToken = default) =>
        ActByIdAsync(id, InstanceActions.Reboot, cancellationToken);

    public async Task DestroyAsync(string id, CancellationToken cancellationToken = default)
    {
        var request = await ActionRequestAsync(id, InstanceActions.Destroy, cancellationToken).ConfigureAwait(false);
        await ActAsync(id, InstanceActions.Destroy, request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Instance?> PerformActionAsync(Instance instance, string action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        var link = instance.FindAction(action) ?? throw new DeltacloudActionNotAvailableException(
            $"Instance {instance.Id} in state {instance.State} does not allow '{action}'; it allows: {(instance.Actions.Count == 0 ? "nothing" : string.Join(", ", instance.Actions.Select(a => a.Rel)))}.");

        var request = new DeltacloudRequest(new HttpMethod(link.Method.ToUpperInvariant()), link.Href) { Retry = false };
        return await ActAsync(instance.Id, action, request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Instance> ActByIdAsync(string id, string action, CancellationToken cancellationToken)
    {
        var request = await ActionRequestAsync(id, action, cancellationToken).ConfigureAwait(false);
        return await ActAsync(id, action, request, cancellationToken).ConfigureAwait(false)
            ?? await GetAsync(id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The documented action URLs: <c>POST &lt;instance&gt;/&lt;action&gt;</c>, and <c>DELETE &lt;instance&gt;</c> to destroy.</summary>
    private async Task<DeltacloudRequest> ActionRequestAsync(string id, string action, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        var member = DeltacloudRoutes.Member(await context.CollectionUrlAsync(DeltacloudRoutes.Instances, cancellationToken).ConfigureAwait(false), id);
        return action == InstanceActions.Destroy
            ? new DeltacloudRequest(HttpMethod.Delete, member) { Retry = false }
            : new DeltacloudRequest(HttpMethod.Post, $"{member}/{action}") { Retry = false };
    }

    /// <summary>
    /// Sends the action; after a failure that may hide a performed action, reads the instance and resends only when
    /// the read shows the action has not taken effect and the instance still offers it.
    /// </summary>
    private async Task<Instance?> ActAsync(string id, string action, DeltacloudRequest request, CancellationToken cancellationToken)
    {
        var delay = context.Options.RetryBaseDelay;
        for (var attempt = 1; ; attempt++)
        {
            DeltacloudException failure;
            try
            {
                var response = await context.SendAsync(request, cancellationToken).ConfigureAwait(false);
                return string.IsNullOrWhiteSpace(response.Body)
                    ? null
                    : DeltacloudContext.Single(context.Parse(response, request, static (p, b) => p.ParseInstances(b)), request);
            }
            catch (DeltacloudException ex) when (ActionOutcome.IsKnown(action) && (attempt > 1 || DeltacloudErrorMap.MayHaveTakenEffect(ex)))
            {
                // After a resend any refusal (405: the state moved on) may also mean an earlier attempt worked.
                failure = ex;
            }

            _logger.ActionFailedReconciling(action, id, failure.GetType().Name);
            var current = await ReadAfterFailedActionAsync(id, action, failure, cancellationToken).ConfigureAwait(false);
            switch (ActionOutcome.Judge(action, current, failure))
            {
                case ActionOutcome.Verdict.TookEffect:
                    _logger.ActionReconciled(action, id, current?.State.Name ?? "gone");
                    return current;
                case ActionOutcome.Verdict.NotApplied when failure.IsTransient && attempt <= context.Options.MaxRetryAttempts:
                    break;
                default:
                    ExceptionDispatchInfo.Throw(failure);
                    break;
            }

            await Task.Delay(delay, context.TimeProvider, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, context.Options.RetryMaxDelay.Ticks));
        }
    }

    /// <summary>The instance now, or <see langword="null"/> when it no longer exists.</summary>
    private async Task<Instance?> ReadAfterFailedActionAsync(string id, string action, DeltacloudException actionFailure, CancellationToken cancellationToken)
    {
        try
        {
            return await GetAsync(id, cancellationToken).ConfigureAwait(false);
        }
        catch (DeltacloudNotFoundException)
        {
            return null;
        }
        catch (DeltacloudException readFailure)
        {
            // Without the read nobody knows whether the action happened; report the action's failure, not a guess.
            throw new DeltacloudTransportException(
                ErrorText.Sentence($"The {action} of instance {id} failed ({actionFailure.Message.TrimEnd('.')}) and reading the instance failed too ({readFailure.GetType().Name}); the {action} may have taken effect"),
                actionFailure);
        }
    }
}
