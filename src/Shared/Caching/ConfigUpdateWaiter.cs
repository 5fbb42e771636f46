// Shared source: compiled into each package that needs it (see the Compile items in its project), internal to
// each, so no package exposes it and none depends on another for it. Plain comments, not XML docs: one member in two
// packages' documentation files breaks tools that merge them (ASP.NET Core's OpenAPI comments fail on the duplicate).
namespace CloudConfig.Core;

// The long poll behind WaitForUpdateAsync, for IConfigCache
// implementations: fetch, and if nothing is newer, wait for the entry's change signal or the deadline.
internal static class ConfigUpdateWaiter
{
    // Waits until the entry's generation passes knownGeneration, or returns null at the deadline.
    // signals: The cache's change signals, signalled on every configuration change and removal.
    // uuid: The entry.
    // knownGeneration: The generation the caller already has.
    // timeout: How long to wait at most; zero means "only check".
    // fetchTrusted: The cache's trusted fetch of the entry (authenticates and records the contact).
    // time: The cache's clock.
    // cancellationToken: Cancels the wait.
    // Throws InvalidConfigInputException: The timeout is negative.
    public static async Task<InstanceConfiguration?> WaitAsync(
        ConfigChangeSignals signals,
        Guid uuid,
        long knownGeneration,
        TimeSpan timeout,
        Func<CancellationToken, Task<InstanceConfiguration>> fetchTrusted,
        TimeProvider time,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(fetchTrusted);
        ArgumentNullException.ThrowIfNull(time);
        if (timeout < TimeSpan.Zero)
        {
            throw new InvalidConfigInputException("timeout", "must not be negative.");
        }

        var deadline = time.GetUtcNow() + timeout;
        while (true)
        {
            // Taken before the fetch so that a change landing between the fetch and the wait still wakes us;
            // released however this round ends (answer, timeout, refusal, cancellation).
            using var watch = signals.Start(uuid);
            var current = await fetchTrusted(cancellationToken).ConfigureAwait(false);
            if (current.Generation > knownGeneration)
            {
                return current;
            }

            var remaining = deadline - time.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                return null;
            }

            try
            {
                await watch.Changed.WaitAsync(remaining, time, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                return null;
            }
        }
    }
}
