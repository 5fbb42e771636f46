using CloudConfig.Core;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

/// <summary>
/// The cache's one connection: made lazily on first use, tolerant of Redis being down (it keeps reconnecting in
/// the background), and the single place where Redis failures become <see cref="ConfigCacheUnavailableException"/>.
/// </summary>
internal sealed partial class RedisConnection : IAsyncDisposable, IDisposable
{
    private const string UnavailableMessage = "The Redis backend is unavailable.";

    /// <summary>The shortest operation timeout the client is told to enforce itself (its heartbeat a quarter of it).</summary>
    private static readonly TimeSpan ShortestClientEnforcedTimeout = TimeSpan.FromMilliseconds(200);

    private readonly Lock _lock = new();
    private readonly ConfigurationOptions? _configuration;
    private readonly TimeSpan _timeout;
    private readonly bool _clientEnforcesTimeout;
    private readonly ILogger _logger;
    private Task<IConnectionMultiplexer>? _connecting;

    public RedisConnection(RedisConfigCacheOptions options, ILogger logger)
    {
        _logger = logger;
        _timeout = options.OperationTimeout;
        if (options.ConnectionMultiplexer is { } shared)
        {
            _connecting = Task.FromResult(shared);
            return;
        }

        _configuration = ConfigurationOptions.Parse(options.Configuration!);
        _configuration.AbortOnConnectFail = false;
        var milliseconds = (int)Math.Ceiling(_timeout.TotalMilliseconds);
        _configuration.ConnectTimeout = milliseconds;
        _configuration.SyncTimeout = milliseconds;
        _configuration.AsyncTimeout = milliseconds;
        // The default backs off for many seconds after a long outage; a config cache should be back soon after Redis is.
        _configuration.ReconnectRetryPolicy ??= new ExponentialRetry(250, 2000);
        // The client notices an expired command on its heartbeat (every second by default). Beating at a quarter of
        // the timeout (a second at most) and giving commands the timeout less one beat fails every command within
        // the timeout, so calls need no timer of their own: a timer per call cost about a tenth of a fetch's CPU.
        if (_timeout >= ShortestClientEnforcedTimeout)
        {
            var heartbeat = TimeSpan.FromTicks(Math.Min(_timeout.Ticks / 4, TimeSpan.TicksPerSecond));
            _configuration.HeartbeatInterval = heartbeat;
            _configuration.AsyncTimeout = (int)(_timeout - heartbeat).TotalMilliseconds;
            _clientEnforcesTimeout = true;
        }
    }

    /// <summary>The database while connected, for sends that wait for nothing; null otherwise.</summary>
    public IDatabase? ConnectedDatabase => Volatile.Read(ref _connecting) is { IsCompletedSuccessfully: true } connected ? connected.Result.GetDatabase() : null;

    /// <summary>Whether the cache made (and so must close) the connection.</summary>
    public bool OwnsConnection => _configuration is not null;

    /// <summary>
    /// Runs one Redis operation within the operation timeout, connecting first if needed. On a connection the cache
    /// made, the client enforces the timeout on its heartbeat (see the constructor); otherwise (a shared connection,
    /// a timeout too short to beat at a quarter of it, still connecting) a timer here does.
    /// </summary>
    /// <exception cref="ConfigCacheUnavailableException">Redis could not be reached or did not answer in time.</exception>
    public Task<T> RunAsync<T>(Func<IDatabase, Task<T>> operation, CancellationToken cancellationToken) =>
        RunAsync(operation, static (db, operation) => operation(db), cancellationToken);

    /// <summary>
    /// <see cref="RunAsync{T}(Func{IDatabase, Task{T}}, CancellationToken)"/> with the operation's input passed in,
    /// so that a hot path's operation can be static and allocate no closure.
    /// </summary>
    public async Task<T> RunAsync<TState, T>(TState state, Func<IDatabase, TState, Task<T>> operation, CancellationToken cancellationToken)
    {
        try
        {
            return await StartAsync(state, operation, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            throw Unavailable(e);
        }
    }

    /// <summary>
    /// Starts one Redis operation bounded by the operation timeout and <paramref name="cancellationToken"/>, for a
    /// hot path that awaits it in its own state machine: the caller turns failures into the typed error with
    /// <see cref="IsUnavailable"/> and <see cref="Unavailable"/>, as <see cref="RunAsync{TState, T}"/> does.
    /// </summary>
    public Task<T> StartAsync<TState, T>(TState state, Func<IDatabase, TState, Task<T>> operation, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (ConnectedDatabase is not { } db)
        {
            return RunCoreAsync(state, operation).WaitAsync(_timeout, cancellationToken);
        }

        // Connected (nearly always): the operation runs at once, without a second state machine around it.
        var running = operation(db, state);
        return !_clientEnforcesTimeout ? running.WaitAsync(_timeout, cancellationToken)
            : cancellationToken.CanBeCanceled ? running.WaitAsync(cancellationToken)
            : running;
    }

    /// <summary>Whether <paramref name="e"/> means Redis could not be reached or did not answer in time.</summary>
    public static bool IsUnavailable(Exception e) => e switch
    {
        // RedisTimeoutException is a TimeoutException too.
        TimeoutException or RedisConnectionException => true,
        // A restarted server answers these until it has loaded its data or found its primary.
        RedisServerException server => server.Message.StartsWith("LOADING", StringComparison.Ordinal)
            || server.Message.StartsWith("BUSY", StringComparison.Ordinal)
            || server.Message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
            || server.Message.StartsWith("READONLY", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>Logs <paramref name="e"/> (for which <see cref="IsUnavailable"/> holds) and returns the typed error to throw.</summary>
    public ConfigCacheUnavailableException Unavailable(Exception e)
    {
        LogUnavailable(_logger, e.GetType().Name, e);
        return new ConfigCacheUnavailableException(UnavailableMessage, e);
    }

    /// <summary>
    /// Subscribes to a channel within the operation timeout, and calls <paramref name="restored"/> whenever the
    /// connection comes back after a failure: messages published meanwhile were lost.
    /// </summary>
    public Task SubscribeAsync(RedisChannel channel, Action<RedisChannel, RedisValue> handler, Action restored, CancellationToken cancellationToken) =>
        RunAsync(
            async _ =>
            {
                var connection = await ConnectAsync().ConfigureAwait(false);
                connection.ConnectionRestored += (_, _) => restored();
                await connection.GetSubscriber().SubscribeAsync(channel, handler).ConfigureAwait(false);
                return true;
            },
            cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (TakeOwnedConnection() is { } connection)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    public void Dispose() => TakeOwnedConnection()?.Dispose();

    private IConnectionMultiplexer? TakeOwnedConnection()
    {
        Task<IConnectionMultiplexer>? connecting;
        lock (_lock)
        {
            connecting = _connecting;
            _connecting = null;
        }

        return OwnsConnection && connecting is { IsCompletedSuccessfully: true } ? connecting.Result : null;
    }

    private async Task<T> RunCoreAsync<TState, T>(TState state, Func<IDatabase, TState, Task<T>> operation)
    {
        var connection = await ConnectAsync().ConfigureAwait(false);
        return await operation(connection.GetDatabase(), state).ConfigureAwait(false);
    }

    private Task<IConnectionMultiplexer> ConnectAsync()
    {
        lock (_lock)
        {
            // A failed attempt is forgotten so the next call tries again.
            if (_connecting is null || _connecting.IsFaulted || _connecting.IsCanceled)
            {
                _connecting = ConnectCoreAsync(_configuration ?? throw new ObjectDisposedException(nameof(RedisConfigCache)));
            }

            return _connecting;
        }
    }

    private static async Task<IConnectionMultiplexer> ConnectCoreAsync(ConfigurationOptions configuration) =>
        await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false);

    // Redis's own exception messages name endpoints and commands, never our arguments, so they are safe to log.
    [LoggerMessage(100, LogLevel.Warning, "The Redis backend is unavailable ({Reason}); the call failed")]
    private static partial void LogUnavailable(ILogger logger, string reason, Exception exception);
}
