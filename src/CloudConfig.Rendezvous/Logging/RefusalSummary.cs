using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous;

/// <summary>
/// Counts refused requests and logs them as one line per <see cref="RendezvousOptions.RefusalLogInterval"/>:
/// how many, why, from how many addresses, the busiest address and entry. A flood of wrong credentials thus costs
/// one log line per interval, not one per request; its memory is bounded too (at most 1,024 addresses and entries
/// are told apart per interval, the rest are counted together).
/// </summary>
internal sealed class RefusalSummary : IDisposable
{
    private const int MaxDistinct = 1024;
    private const string Others = "(others)";

    private readonly Lock _lock = new();
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly ITimer _timer;
    private Tally _tally = new();
    private long _since;

    public RefusalSummary(IOptions<RendezvousOptions> options, TimeProvider time, ILogger<RefusalSummary> logger)
    {
        _logger = logger;
        _time = time;
        _since = time.GetTimestamp();
        var interval = options.Value.RefusalLogInterval;
        _timer = time.CreateTimer(_ => Flush(), null, interval, interval);
    }

    /// <summary>Counts one refused request.</summary>
    /// <param name="reason">Why, for example <c>fetch: unknown entry or wrong credential</c> or <c>throttled</c>.</param>
    /// <param name="address">The source address.</param>
    /// <param name="entry">The entry or pool the request named, if any.</param>
    public void Count(string reason, string address, string? entry)
    {
        lock (_lock)
        {
            _tally.Add(reason, address, entry);
        }
    }

    /// <summary>Raises the replay alarm at once for the first replay of an interval; later ones are in the summary.</summary>
    public void Replayed(Guid uuid, string address)
    {
        bool first;
        lock (_lock)
        {
            first = !_tally.AlarmRaised;
            _tally.AlarmRaised = true;
        }

        if (first)
        {
            RendezvousLog.BootSecretReplayed(_logger, uuid, address);
        }
    }

    /// <summary>Logs the summary of the interval so far, if anything was refused, and starts the next.</summary>
    public void Flush()
    {
        Tally tally;
        long seconds;
        lock (_lock)
        {
            (tally, _tally) = (_tally, new Tally());
            var now = _time.GetTimestamp();
            seconds = (long)Math.Round(_time.GetElapsedTime(_since, now).TotalSeconds);
            _since = now;
        }

        if (tally.Total == 0)
        {
            return;
        }

        var reasons = string.Join(", ", tally.Reasons.OrderByDescending(r => r.Value).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key} {r.Value}")));
        var (topAddress, topAddressCount) = Top(tally.Addresses);
        var (topEntry, topEntryCount) = Top(tally.Entries);
        var addresses = tally.Addresses.ContainsKey(Others) ? $"more than {MaxDistinct}" : tally.Addresses.Count.ToString(CultureInfo.InvariantCulture);
        RendezvousLog.RefusalSummary(_logger, tally.Total, seconds, reasons, addresses, topAddress, topAddressCount, topEntry, topEntryCount);
    }

    /// <summary>Stops the timer and logs what the last interval counted.</summary>
    public void Dispose()
    {
        _timer.Dispose();
        Flush();
    }

    private static (string Key, long Count) Top(Dictionary<string, long> counts)
    {
        var top = counts.OrderByDescending(c => c.Value).FirstOrDefault();
        return top.Key is null ? ("none", 0) : (top.Key, top.Value);
    }

    /// <summary>One interval's counts.</summary>
    private sealed class Tally
    {
        public long Total { get; private set; }

        public bool AlarmRaised { get; set; }

        public Dictionary<string, long> Reasons { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Addresses { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, long> Entries { get; } = new(StringComparer.Ordinal);

        public void Add(string reason, string address, string? entry)
        {
            Total++;
            Bump(Reasons, reason);
            Bump(Addresses, address);
            if (entry is not null)
            {
                Bump(Entries, entry);
            }
        }

        private static void Bump(Dictionary<string, long> counts, string key)
        {
            if (!counts.ContainsKey(key) && counts.Count >= MaxDistinct)
            {
                key = Others;
            }

            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
    }
}
