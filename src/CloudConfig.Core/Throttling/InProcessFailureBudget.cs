using System.Collections.Concurrent;

namespace CloudConfig.Core;

/// <summary>
/// The <see cref="IFailureBudget"/> of one process: budgets in memory, forgotten with the process. Its memory is
/// bounded whatever the traffic: closed windows are dropped, and past <see cref="MaxKeys"/> keys new ones are
/// grouped into 256 shared budgets (a flood of random keys is still counted, only more coarsely, and never grows
/// the process).
/// </summary>
public sealed class InProcessFailureBudget : IFailureBudget
{
    /// <summary>The default <see cref="MaxKeys"/>: 100,000 keys, about 15 MB at most.</summary>
    public const int DefaultMaxKeys = 100_000;

    private const int OverflowKeys = 256;
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, Budget> _budgets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private long _nextSweepTicks;

    /// <summary>Creates the budgets.</summary>
    /// <param name="timeProvider">The clock; the system clock when null.</param>
    /// <param name="maxKeys">How many keys are counted apart at most (<see cref="DefaultMaxKeys"/> by default).</param>
    public InProcessFailureBudget(TimeProvider? timeProvider = null, int maxKeys = DefaultMaxKeys)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxKeys, 1);
        _time = timeProvider ?? TimeProvider.System;
        MaxKeys = maxKeys;
    }

    /// <summary>How many keys are counted apart at most.</summary>
    public int MaxKeys { get; }

    /// <summary>How many budgets are held now (closed ones until the next sweep): at most about <see cref="MaxKeys"/> plus 256.</summary>
    public int Count => _budgets.Count;

    /// <inheritdoc />
    public ValueTask<FailureAttempt> TryStartAttemptAsync(string key, int limit, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var now = _time.GetUtcNow();
        while (true)
        {
            var (counted, budget) = Find(key, now);
            if (budget.TryStart(now, limit, out var outcome, out var retryAfter))
            {
                return ValueTask.FromResult(new FailureAttempt(outcome, counted, window, retryAfter));
            }
        }
    }

    /// <inheritdoc />
    public ValueTask EndAttemptAsync(FailureAttempt attempt, bool failed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        // A budget with an attempt under way is never swept, so it is still there.
        if (attempt.IsAdmitted && _budgets.TryGetValue(attempt.Key, out var budget))
        {
            budget.End(_time.GetUtcNow(), failed, attempt.Window);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<FailureCount> CountFailureAsync(string key, TimeSpan window, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        var now = _time.GetUtcNow();
        while (true)
        {
            if (Find(key, now).Budget.TryCountFailure(now, window, out var count))
            {
                return ValueTask.FromResult(count);
            }
        }
    }

    private (string Key, Budget Budget) Find(string key, DateTimeOffset now)
    {
        SweepIfDue(now);
        if (_budgets.TryGetValue(key, out var budget))
        {
            return (key, budget);
        }

        // Full: the next due sweep may make room; until then new keys share the overflow budgets (sweeping on every
        // new key would make a flood cost a scan of the whole table per request).
        if (_budgets.Count >= MaxKeys)
        {
            key = "\0overflow:" + (key.GetHashCode() & (OverflowKeys - 1));
        }

        return (key, _budgets.GetOrAdd(key, static _ => new Budget()));
    }

    private void SweepIfDue(DateTimeOffset now)
    {
        var due = Interlocked.Read(ref _nextSweepTicks);
        if (now.UtcTicks < due || Interlocked.CompareExchange(ref _nextSweepTicks, (now + SweepEvery).UtcTicks, due) != due)
        {
            return;
        }

        foreach (var (key, budget) in _budgets)
        {
            if (budget.TryRetire(now))
            {
                _budgets.TryRemove(new KeyValuePair<string, Budget>(key, budget));
            }
        }
    }

    /// <summary>One key's budget; changed only under its own lock. A retired one is out of the table: callers look again.</summary>
    private sealed class Budget
    {
        private readonly Lock _lock = new();
        private long _failures;
        private int _attempts;
        private DateTimeOffset _closes;
        private bool _retired;

        public bool TryStart(DateTimeOffset now, int limit, out FailureAttemptOutcome outcome, out TimeSpan retryAfter)
        {
            lock (_lock)
            {
                (outcome, retryAfter) = (FailureAttemptOutcome.Busy, TimeSpan.Zero);
                if (_retired)
                {
                    return false;
                }

                var failures = now < _closes ? _failures : 0;
                if (failures >= limit)
                {
                    (outcome, retryAfter) = (FailureAttemptOutcome.Spent, _closes - now);
                }
                else if (failures + _attempts < limit)
                {
                    _attempts++;
                    outcome = FailureAttemptOutcome.Admitted;
                }

                return true;
            }
        }

        public void End(DateTimeOffset now, bool failed, TimeSpan window)
        {
            lock (_lock)
            {
                _attempts = Math.Max(0, _attempts - 1);
                if (failed)
                {
                    Count(now, window);
                }
            }
        }

        public bool TryCountFailure(DateTimeOffset now, TimeSpan window, out FailureCount count)
        {
            lock (_lock)
            {
                count = _retired ? default : Count(now, window);
                return !_retired;
            }
        }

        public bool TryRetire(DateTimeOffset now)
        {
            lock (_lock)
            {
                _retired |= now >= _closes && _attempts == 0;
                return _retired;
            }
        }

        private FailureCount Count(DateTimeOffset now, TimeSpan window)
        {
            if (now >= _closes)
            {
                (_failures, _closes) = (0, now + window);
            }

            _failures++;
            return new FailureCount(_failures, _closes - now);
        }
    }
}
