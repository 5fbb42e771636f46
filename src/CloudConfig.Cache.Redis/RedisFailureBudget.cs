using CloudConfig.Core;
using StackExchange.Redis;

namespace CloudConfig.Cache.Redis;

/// <summary>
/// The <see cref="IFailureBudget"/> on the cache's Redis, so every rendezvous server on this Redis shares one budget
/// per key and a restart forgets nothing. Per key: the window's failures (a counter that expires when the window
/// closes) and the attempts being checked (a counter whose expiry is pushed back on each admission, so attempts of
/// a server that died are forgotten after <see cref="AttemptLease"/>). A flood leaves nothing behind once its windows close.
/// </summary>
/// <remarks>Each call is one script: admitting reads and increments together, and a failure is counted with its expiry.</remarks>
internal sealed class RedisFailureBudget(RedisConfigCache cache) : IFailureBudget
{
    /// <summary>How long attempts of a server that stopped without ending them keep holding their slots.</summary>
    public static readonly TimeSpan AttemptLease = TimeSpan.FromMinutes(1);

    // A Lua function counting one failure with the window's expiry set when the window opens.
    private const string CountFailure = """
        local function count_failure(key, window)
          local n = redis.call('INCR', key)
          local ttl = redis.call('PTTL', key)
          if n == 1 or ttl < 0 then
            redis.call('PEXPIRE', key, window)
            ttl = tonumber(window)
          end
          return {n, ttl}
        end
        """;

    /// <summary>KEYS: failures, attempts. ARGV: limit, attempt lease (ms). Returns {outcome, ms until the window closes}.</summary>
    private const string TryStart = """
        local failures = tonumber(redis.call('GET', KEYS[1]) or '0')
        local limit = tonumber(ARGV[1])
        if failures >= limit then return {'spent', redis.call('PTTL', KEYS[1])} end
        if failures + tonumber(redis.call('GET', KEYS[2]) or '0') >= limit then return {'busy', 0} end
        redis.call('INCR', KEYS[2])
        redis.call('PEXPIRE', KEYS[2], ARGV[2])
        return {'admitted', 0}
        """;

    /// <summary>KEYS: failures, attempts. ARGV: failed ('1' or '0'), window (ms).</summary>
    private const string End = CountFailure + """

        if redis.call('DECR', KEYS[2]) <= 0 then redis.call('DEL', KEYS[2]) end
        if ARGV[1] == '1' then count_failure(KEYS[1], ARGV[2]) end
        return 1
        """;

    /// <summary>KEYS: failures. ARGV: window (ms). Returns {count, ms until the window closes}.</summary>
    private const string Count = CountFailure + """

        return count_failure(KEYS[1], ARGV[1])
        """;

    /// <inheritdoc />
    public async ValueTask<FailureAttempt> TryStartAttemptAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var reply = (RedisResult[])(await RunAsync(TryStart, [cache.Keys.Failures(key), cache.Keys.Attempts(key)], [limit, Milliseconds(AttemptLease)], cancellationToken).ConfigureAwait(false))!;
        var outcome = (string?)reply[0] switch
        {
            "admitted" => FailureAttemptOutcome.Admitted,
            "busy" => FailureAttemptOutcome.Busy,
            _ => FailureAttemptOutcome.Spent,
        };
        return new FailureAttempt(outcome, key, window, TimeSpan.FromMilliseconds(Math.Max(0, (long)reply[1])));
    }

    /// <inheritdoc />
    public async ValueTask EndAttemptAsync(FailureAttempt attempt, bool failed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        if (attempt.IsAdmitted)
        {
            await RunAsync(End, [cache.Keys.Failures(attempt.Key), cache.Keys.Attempts(attempt.Key)], [failed ? "1" : "0", Milliseconds(attempt.Window)], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask<FailureCount> CountFailureAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var reply = (long[])(await RunAsync(Count, [cache.Keys.Failures(key)], [Milliseconds(window)], cancellationToken).ConfigureAwait(false))!;
        return new FailureCount(reply[0], TimeSpan.FromMilliseconds(Math.Max(0, reply[1])));
    }

    private static long Milliseconds(TimeSpan span) => Math.Max(1, (long)Math.Ceiling(span.TotalMilliseconds));

    private Task<RedisResult> RunAsync(string script, RedisKey[] keys, RedisValue[] args, CancellationToken cancellationToken) =>
        cache.Connection.RunAsync(db => db.ScriptEvaluateAsync(script, keys, args), cancellationToken);
}
