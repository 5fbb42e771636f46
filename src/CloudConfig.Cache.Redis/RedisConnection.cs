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

    private readonly Lock _lock = new();
    private readonly ConfigurationOptions? _configuration;
    private readonly TimeSpan _timeout;
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
    }

    /// <summary>The database while connected, for sends that wait for nothing; null otherwise.</summary>
    public IDatabase? ConnectedDatabase => Volatile.Read(ref _connecting) is { IsCompletedSuccessfully: true } connected ? connected.Result.GetDatabase() : null;

    /// <summary>Whether the cache made (and so must close) the connection.</summary>
    public bool OwnsConnection => _configuration is not null;

    /// <summary>
    /// Runs one Redis operation within the operation timeout, connecting first if needed. The timeout is enforced
    /// here as well as in the client, because the client only notices expired commands on its heartbeat.
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
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            // Connected (nearly always): the operation runs at once, without a second state machine around it.
            var running = ConnectedDatabase is { } db ? operation(db, state) : RunCoreAsync(state, operation);
            return await running.WaitAsync(_timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (IsUnavailable(e))
        {
            LogUnavailable(_logger, e.GetType().Name, e);
            throw new ConfigCacheUnavailableException(UnavailableMessage, e);
        }
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

    private static bool IsUnavailable(Exception e) => e switch
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

    // Redis's own exception messages name endpoints and commands, never our arguments, so they are safe to log.
    [LoggerMessage(100, LogLevel.Warning, "The Redis backend is unavailable ({Reason}); the call failed")]
    private static partial void LogUnavailable(ILogger logger, string reason, Exception exception);
}
