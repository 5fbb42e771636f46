using CloudConfig.Core;
using Microsoft.Extensions.Logging;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// One connection to one site's NATS server: made lazily on first use, tolerant of the server being down (the
/// client keeps reconnecting in the background), and the single place where NATS failures become
/// <see cref="ConfigCacheUnavailableException"/> within the operation timeout.
/// </summary>
internal sealed partial class NatsSiteConnection : IAsyncDisposable
{
    private readonly INatsConnection _connection;
    private readonly bool _owned;
    private readonly TimeSpan _timeout;
    private readonly string _siteName;
    private readonly string _unavailableMessage;
    private readonly ILogger _logger;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, INatsJSContext> _domains = new(StringComparer.Ordinal);

    public NatsSiteConnection(NatsConnectionSettings settings, TimeSpan operationTimeout, string siteName, ILogger logger)
    {
        _timeout = operationTimeout;
        _logger = logger;
        _siteName = siteName;
        _unavailableMessage = $"The NATS server of {siteName} is unavailable.";
        if (settings.Shared is { } shared)
        {
            _connection = shared;
        }
        else
        {
            _connection = new NatsConnection(settings.ToNatsOpts("cloudconfig " + siteName, operationTimeout));
            _owned = true;
        }

        JetStream = new NatsJSContext(_connection);
        KeyValues = new NatsKVContext(JetStream);
    }

    /// <summary>The JetStream API of the connection's own domain.</summary>
    public INatsJSContext JetStream { get; }

    /// <summary>
    /// The JetStream API of another site's domain, reached over the leaf link (only stream information is let
    /// through there).
    /// </summary>
    public INatsJSContext JetStreamOf(string domain) =>
        _domains.GetOrAdd(domain, d => new NatsJSContext(_connection, new NatsJSOpts(_connection.Opts, domain: d)));

    /// <summary>The key-value API of the connection's own domain.</summary>
    public INatsKVContext KeyValues { get; }

    /// <summary>The largest message the server accepts, once connected.</summary>
    public long MaxPayload => _connection.ServerInfo?.MaxPayload ?? long.MaxValue;

    /// <summary>
    /// Runs one operation within the operation timeout, connecting first if needed. The operation receives a token
    /// that fires at the timeout, so nothing keeps running after the caller has been told it failed.
    /// </summary>
    /// <exception cref="ConfigCacheUnavailableException">The server could not be reached or did not answer in time.</exception>
    /// <exception cref="ConfigCacheException">The server refused the request for good (its JetStream error is the inner exception).</exception>
    public async Task<T> RunAsync<T>(Func<CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(_timeout);
        try
        {
            if (_connection.ConnectionState != NatsConnectionState.Open)
            {
                await _connection.ConnectAsync().AsTask().WaitAsync(deadline.Token).ConfigureAwait(false);
            }

            return await operation(deadline.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>
    /// Runs an operation that is a single request, as <see cref="RunAsync{T}"/> does but, on an open connection whose
    /// request timeout is within the operation timeout (one this class made), without a timer of its own: the
    /// client's request timeout bounds it already. The hot reads take this way.
    /// </summary>
    public async Task<T> RunRequestAsync<T>(Func<CancellationToken, ValueTask<T>> request, CancellationToken cancellationToken)
    {
        if (_connection.ConnectionState != NatsConnectionState.Open || _connection.Opts.RequestTimeout > _timeout)
        {
            return await RunAsync(request, cancellationToken).ConfigureAwait(false);
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            return await request(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>The connection's state now (open, connecting, reconnecting, closed).</summary>
    public NatsConnectionState State => _connection.ConnectionState;

    /// <summary>Pings the server within the operation timeout, connecting first if needed.</summary>
    /// <returns>The round trip.</returns>
    /// <exception cref="ConfigCacheUnavailableException">The server could not be reached or did not answer in time.</exception>
    public Task<TimeSpan> PingAsync(CancellationToken cancellationToken) =>
        RunAsync(ct => _connection.PingAsync(ct), cancellationToken);

    /// <summary>
    /// Asks JetStream for the account's information, within the operation timeout: the cheapest JetStream request, and
    /// one that needs no bucket.
    /// </summary>
    /// <exception cref="ConfigCacheUnavailableException">JetStream did not answer (not enabled, no leader) in time.</exception>
    /// <exception cref="ConfigCacheException">JetStream refused the request.</exception>
    public Task ProbeJetStreamAsync(CancellationToken cancellationToken) =>
        RunAsync(async ct => await JetStream.GetAccountInfoAsync(ct).ConfigureAwait(false), cancellationToken);

    /// <summary>Runs one operation that returns nothing; see <see cref="RunAsync{T}"/>.</summary>
    public Task RunAsync(Func<CancellationToken, ValueTask> operation, CancellationToken cancellationToken) =>
        RunAsync(
            async ct =>
            {
                await operation(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (_owned)
        {
            await _connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>The family's error for a NATS failure; null for one to let through (the caller's own cancellation, a bug).</summary>
    private ConfigCacheException? Translate(Exception e, CancellationToken cancellationToken) => e switch
    {
        OperationCanceledException when !cancellationToken.IsCancellationRequested => Unavailable(e),
        _ when NatsFailures.IsUnavailable(e) => Unavailable(e),
        // A refusal that retrying will not change (storage full, limits, a bucket made by someone else): still one
        // of the family's errors, with the server's own words (they name streams and limits, never our values).
        NatsJSApiException api => new ConfigCacheException($"The NATS server of {_siteName} refused the request: {api.Error.Description} (JetStream error {api.Error.ErrCode}).", api),
        _ => null,
    };

    private ConfigCacheUnavailableException Unavailable(Exception e)
    {
        LogUnavailable(_logger, e.GetType().Name, e);
        return new ConfigCacheUnavailableException(_unavailableMessage, e);
    }

    // NATS's own exception messages name servers and subjects, never our arguments, so they are safe to log.
    [LoggerMessage(100, LogLevel.Warning, "The NATS server is unavailable ({Reason}); the call failed")]
    private static partial void LogUnavailable(ILogger logger, string reason, Exception exception);
}
