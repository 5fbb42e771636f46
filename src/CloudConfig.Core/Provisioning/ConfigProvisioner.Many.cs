namespace CloudConfig.Core;

// Many at once: bounded parallelism, and every request gets its own result so one failure loses nothing.
public sealed partial class ConfigProvisioner
{
    /// <summary>
    /// Provisions every request with at most <paramref name="maxParallelism"/> in flight (the options' default when
    /// null). Never throws for a single failure: each request gets a <see cref="ProvisionResult"/>. On cancellation,
    /// requests not yet started are not started and get an <see cref="OperationCanceledException"/>; instances
    /// already started are returned as usual, so none is lost track of.
    /// </summary>
    public async Task<IReadOnlyList<ProvisionResult>> ProvisionManyAsync(
        IReadOnlyList<ProvisionRequest> requests,
        int? maxParallelism = null,
        IProgress<ProvisionProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var parallelism = maxParallelism ?? _options.MaxParallelism;
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1, nameof(maxParallelism));
        var results = new ProvisionResult[requests.Count];
        var completed = 0;
        var failed = 0;
        // The loop itself is not cancelled: every index must get a result, even if only "cancelled".
        await Parallel.ForAsync(0, requests.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (index, _) =>
        {
            var result = await ProvisionOneAsync(index, requests[index], cancellationToken).ConfigureAwait(false);
            results[index] = result;
            var failedSoFar = result.Succeeded ? Volatile.Read(ref failed) : Interlocked.Increment(ref failed);
            progress?.Report(new ProvisionProgress(Interlocked.Increment(ref completed), failedSoFar, requests.Count, result));
        }).ConfigureAwait(false);
        return results;
    }

    private async Task<ProvisionResult> ProvisionOneAsync(int index, ProvisionRequest request, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new ProvisionResult(index, null, new OperationCanceledException(cancellationToken));
        }

        try
        {
            return new ProvisionResult(index, await ProvisionAsync(request, cancellationToken).ConfigureAwait(false), null);
        }
#pragma warning disable CA1031 // Every failure becomes that request's result; the batch goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new ProvisionResult(index, null, e);
        }
    }
}
