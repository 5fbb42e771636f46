using CloudConfig.Core;

namespace CloudConfig.Tool;

/// <summary>
/// Polls the entries at an interval (the app API has no long poll for listings) and stops on what was asked:
/// an entry that failed its current configuration, every entry configured, or the timeout.
/// </summary>
internal sealed class WatchLoop(WatchSettings settings, Func<CancellationToken, Task<IReadOnlyList<ConfigEntry>>> poll, TimeProvider time)
{
    public async Task<WatchOutcome> RunAsync(IWatchView view, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            var entries = await poll(cancellationToken).ConfigureAwait(false);
            view.Show(entries, time.GetUtcNow());
            if (Decide(entries) is { } outcome)
            {
                return outcome;
            }

            var elapsed = time.GetElapsedTime(started);
            if (settings.Timeout is { } timeout && elapsed >= timeout)
            {
                return settings.UntilConfigured
                    ? new WatchOutcome(ExitCodes.TimedOut, $"not every entry was configured within {Duration.Format(timeout)}.")
                    : new WatchOutcome(ExitCodes.Success);
            }

            var wait = settings.Timeout is { } limit && limit - elapsed < settings.Interval ? limit - elapsed : settings.Interval;
            await Task.Delay(wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private WatchOutcome? Decide(IReadOnlyList<ConfigEntry> entries)
    {
        if (settings.ExitOnFailure && entries.FirstOrDefault(EntryFacts.HasFailed) is { } failed)
        {
            var exit = failed.Status.ExitCode is { } code ? $"exit {code}, " : "";
            var detail = DisplayText.LastLine(failed.Status.Detail);
            return new WatchOutcome(
                ExitCodes.EntryFailed,
                $"entry {failed.Uuid} failed ({exit}generation {failed.Generation}){(detail == DisplayText.Empty ? "." : ": " + detail)}");
        }

        return settings.UntilConfigured && entries.Count > 0 && entries.All(EntryFacts.IsConfigured)
            ? new WatchOutcome(ExitCodes.Success)
            : null;
    }
}
