using CloudConfig.Core;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Agent;

/// <summary>Tries the boot string sources in order and returns the first readable boot string.</summary>
internal sealed partial class BootStringLocator(IEnumerable<IBootStringSource> sources, ILogger logger)
{
    private readonly IReadOnlyList<IBootStringSource> _sources = [.. sources];
    private readonly List<string> _tried = [];

    /// <summary>The sources, each with what was found there in the last search (for the error when none had one).</summary>
    public IReadOnlyList<string> SourcesTried => _tried.Count > 0 ? [.. _tried] : [.. _sources.Select(s => s.Name)];

    /// <summary>The first boot string found, or <see langword="null"/> when no source has one.</summary>
    public async Task<(BootString BootString, string Source)?> FindAsync(CancellationToken cancellationToken)
    {
        _tried.Clear();
        foreach (var source in _sources)
        {
            string? raw;
            try
            {
                raw = await source.ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // A source that cannot be read (no metadata service off the cloud, an unreadable file) or that answers
                // garbage simply has nothing: the next one is tried. Only the error's type is logged for the usual
                // absences; a garbage answer's description names sizes and kinds, never the text.
                if (e is InvalidDataException)
                {
                    Log.SourceAnsweredGarbage(logger, source.Name, ConfigAgent.OneLine(e.Message));
                    _tried.Add($"{source.Name} (unusable: {ConfigAgent.OneLine(e.Message)})");
                }
                else
                {
                    Log.SourceUnavailable(logger, source.Name, e.GetType().Name);
                    _tried.Add($"{source.Name} (could not be read: {e.GetType().Name})");
                }

                continue;
            }

            if (raw is null)
            {
                Log.SourceEmpty(logger, source.Name);
                _tried.Add(source.Name);
                continue;
            }

            // Never log the text itself: it holds the boot secret. The parser's message names the part, not the text.
            if (BootStringText.TryRead(raw, out var problem) is { } bootString)
            {
                Log.Found(logger, source.Name, bootString.Uuid);
                return (bootString, source.Name);
            }

            Log.NotABootString(logger, source.Name, problem);
            _tried.Add($"{source.Name} (not a boot string: {problem})");
        }

        return null;
    }
}
