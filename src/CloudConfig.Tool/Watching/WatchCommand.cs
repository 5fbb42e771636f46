using System.CommandLine;
using CloudConfig.Core;
using Spectre.Console;

namespace CloudConfig.Tool;

/// <summary><c>entries watch [uuid...]</c>: the entries' states, refreshed until interrupted or until what was asked happens.</summary>
internal static class WatchCommand
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromSeconds(2);

    public static Command Create(GlobalOptions options, ToolConsole console)
    {
        var uuids = new Argument<Guid[]>("uuid") { Description = "Watch only these entries [default: every entry the filters keep]", Arity = ArgumentArity.ZeroOrMore };
        var filters = new EntryFilterOptions();
        var interval = DurationOption.Create("--interval", $"How often to poll [default: {Duration.Format(DefaultInterval)}]", TimeSpan.FromMilliseconds(100));
        var exitOnFailure = new Option<bool>("--exit-on-failure") { Description = $"Exit with {ExitCodes.EntryFailed} as soon as an entry fails its current configuration" };
        var untilConfigured = new Option<bool>("--until-configured") { Description = "Exit with 0 once every watched entry has applied its current configuration" };
        var timeout = DurationOption.Create("--timeout", $"Stop after this long (with --until-configured: exit {ExitCodes.TimedOut})", TimeSpan.FromMilliseconds(100));
        var command = new Command("watch", "Watch the entries' states, generations, last contact and failures (polls the server)");
        command.Arguments.Add(uuids);
        filters.AddTo(command);
        command.Options.Add(interval);
        command.Options.Add(exitOnFailure);
        command.Options.Add(untilConfigured);
        command.Options.Add(timeout);
        CommandRunner.SetAction(command, options, console, async (parse, session, cancellationToken) =>
        {
            var settings = new WatchSettings(
                parse.GetValue(interval) ?? DefaultInterval,
                parse.GetValue(exitOnFailure),
                parse.GetValue(untilConfigured),
                parse.GetValue(timeout));
            var chosen = parse.GetValue(uuids) ?? [];
            var first = true;
            var loop = new WatchLoop(settings, token =>
            {
                // A uuid that names no entry at the start is a typo; one that disappears later was removed.
                var poll = PollAsync(parse, session.Registry, filters, chosen, requireAll: first, token);
                first = false;
                return poll;
            }, console.Time);
            var outcome = session.Rich
                ? await RunLiveAsync(session, loop, settings, cancellationToken).ConfigureAwait(false)
                : await loop.RunAsync(new PlainWatchView(console.Out), cancellationToken).ConfigureAwait(false);
            if (outcome.Message is not null)
            {
                await console.Error.WriteLineAsync($"cloudconfig: {outcome.Message}").ConfigureAwait(false);
            }

            return outcome.ExitCode;
        });
        return command;
    }

    private static Task<WatchOutcome> RunLiveAsync(ToolSession session, WatchLoop loop, WatchSettings settings, CancellationToken cancellationToken)
    {
        var heading = $"watching {session.Settings.Server} every {Duration.Format(settings.Interval)} (Ctrl+C stops)";
        return session.Ansi.Live(LiveWatchView.Render(heading, [], null))
            .AutoClear(false)
            .StartAsync(context => loop.RunAsync(new LiveWatchView(context, heading), cancellationToken));
    }

    private static async Task<IReadOnlyList<ConfigEntry>> PollAsync(ParseResult parse, IConfigRegistry registry, EntryFilterOptions filters, Guid[] uuids, bool requireAll, CancellationToken cancellationToken)
    {
        if (uuids.Length == 0)
        {
            return await filters.ListAsync(parse, registry, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        var entries = new List<ConfigEntry>(uuids.Length);
        foreach (var uuid in uuids.Distinct())
        {
            var entry = await registry.GetAsync(uuid, cancellationToken).ConfigureAwait(false);
            if (entry is null && requireAll)
            {
                throw ToolFailureException.NoEntry(uuid);
            }

            if (entry is not null && filters.Keeps(parse, entry))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }
}
