using CloudConfig.Core;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Agent;

/// <summary>Tries the boot string sources in order and returns the first readable boot string.</summary>
internal sealed partial class BootStringLocator(IEnumerable<IBootStringSource> sources, ILogger logger)
{
    private readonly IReadOnlyList<IBootStringSource> _sources = [.. sources];

    public IReadOnlyList<string> SourceNames => [.. _sources.Select(s => s.Name)];

    /// <summary>The first boot string found, or <see langword="null"/> when no source has one.</summary>
    public async Task<(BootString BootString, string Source)?> FindAsync(CancellationToken cancellationToken)
    {
        foreach (var source in _sources)
        {
            string? raw;
            try
            {
                raw = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested
                && e is IOException or UnauthorizedAccessException or HttpRequestException or OperationCanceledException)
            {
                // A source that cannot be read (no metadata service off the cloud, an unreadable file) simply has nothing.
                Log.SourceUnavailable(logger, source.Name, e.GetType().Name);
                continue;
            }

            if (raw is null)
            {
                Log.SourceEmpty(logger, source.Name);
                continue;
            }

            // Never log the text itself: it holds the boot secret.
            if (BootStringText.TryRead(raw) is { } bootString)
            {
                Log.Found(logger, source.Name, bootString.Uuid);
                return (bootString, source.Name);
            }

            Log.NotABootString(logger, source.Name);
        }

        return null;
    }
}
