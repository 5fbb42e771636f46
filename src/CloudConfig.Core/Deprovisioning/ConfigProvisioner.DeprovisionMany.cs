namespace CloudConfig.Core;

// Many at once, like ProvisionManyAsync: bounded parallelism, and one result per uuid so one failure loses nothing.
public sealed partial class ConfigProvisioner
{
    /// <summary>
    /// Deprovisions every uuid with at most <paramref name="maxParallelism"/> in flight (the options' default when
    /// null), by the rules of <see cref="DeprovisionAsync"/>. Never throws for a single failure: each uuid gets a
    /// <see cref="DeprovisionResult"/>. On cancellation, uuids not yet started are left as they are and get an
    /// <see cref="OperationCanceledException"/>; those in flight end with their own result.
    /// </summary>
    public async Task<IReadOnlyList<DeprovisionResult>> DeprovisionManyAsync(
        IReadOnlyList<Guid> uuids,
        int? maxParallelism = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uuids);
        var parallelism = maxParallelism ?? _options.MaxParallelism;
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1, nameof(maxParallelism));
        var results = new DeprovisionResult[uuids.Count];
        // The loop itself is not cancelled: every index must get a result, even if only "cancelled".
        await Parallel.ForAsync(0, uuids.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (index, _) =>
        {
            results[index] = await DeprovisionOneAsync(index, uuids[index], cancellationToken).ConfigureAwait(false);
        }).ConfigureAwait(false);
        return results;
    }

    private async Task<DeprovisionResult> DeprovisionOneAsync(int index, Guid uuid, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return new DeprovisionResult(index, uuid, null, new OperationCanceledException(cancellationToken));
        }

        try
        {
            return new DeprovisionResult(index, uuid, await DeprovisionAsync(uuid, cancellationToken).ConfigureAwait(false), null);
        }
#pragma warning disable CA1031 // Every failure becomes that uuid's result; the batch goes on.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return new DeprovisionResult(index, uuid, null, e);
        }
    }
}
