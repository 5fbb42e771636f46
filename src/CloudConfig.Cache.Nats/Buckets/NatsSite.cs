using Microsoft.Extensions.Logging;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// One site as a cache sees it: its connection, which buckets it writes, and the buckets themselves, opened on first
/// use (an attempt that failed is forgotten, so the next call tries again).
/// </summary>
internal sealed class NatsSite(NatsSiteConnection connection, StoreSettings settings, SiteLayout layout, ILogger logger) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private Task<SiteBuckets>? _opening;

    public NatsSiteConnection Connection => connection;

    public StoreSettings Settings => settings;

    public SiteLayout Layout => layout;

    public Task<SiteBuckets> GetBucketsAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_opening is null || _opening.IsFaulted || _opening.IsCanceled)
            {
                // Not tied to one caller's token: a caller giving up must not poison the shared attempt.
                _opening = BucketOpener.OpenAsync(connection, settings, layout, logger, CancellationToken.None);
            }

            return _opening.WaitAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Task<SiteBuckets>? opening;
        lock (_lock)
        {
            opening = _opening;
        }

        if (opening is { IsCompletedSuccessfully: true })
        {
            var buckets = opening.Result;
            await buckets.Entries.DisposeAsync().ConfigureAwait(false);
            await buckets.Pools.DisposeAsync().ConfigureAwait(false);
            await buckets.Instances.DisposeAsync().ConfigureAwait(false);
        }

        await connection.DisposeAsync().ConfigureAwait(false);
    }
}
