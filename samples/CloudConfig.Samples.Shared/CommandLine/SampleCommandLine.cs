using System.CommandLine;
using System.CommandLine.Invocation;
using System.Globalization;
using System.Runtime.InteropServices;

namespace CloudConfig.Samples.Shared;

/// <summary>
/// How every sample runs its command line: <c>--help</c> prints the usage and exits 0; a usage error prints what is
/// wrong and exits 2; Ctrl+C or SIGTERM cancel the token the sample's action gets, so it can clean up what it started
/// before it exits (a second Ctrl+C ends the process at once).
/// </summary>
public static class SampleCommandLine
{
    /// <summary>The exit code for a usage error.</summary>
    public const int UsageError = 2;

    /// <summary>The exit code after Ctrl+C or SIGTERM (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;

    /// <summary>An option holding a whole number from <paramref name="min"/> to <paramref name="max"/>; anything else is a usage error saying so.</summary>
    /// <param name="name">The option's name, such as <c>--count</c>.</param>
    /// <param name="description">What it does, for <c>--help</c>.</param>
    /// <param name="min">The smallest value accepted.</param>
    /// <param name="max">The largest value accepted.</param>
    /// <param name="helpName">What the value is called in <c>--help</c>, such as <c>N</c>.</param>
    /// <returns>The option; its value is null when it is not given.</returns>
    public static Option<int?> WholeNumber(string name, string description, int min, int max, string helpName = "N")
    {
        var option = new Option<int?>(name) { Description = description, HelpName = helpName };
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : "";
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            result.AddError($"{name} must be a whole number from {min} to {max} (was '{text}').");
            return null;
        };
        return option;
    }

    /// <summary>Parses <paramref name="args"/> and runs the command's action.</summary>
    /// <param name="command">The sample's root command, with its action set.</param>
    /// <param name="args">The arguments.</param>
    /// <returns>The exit code.</returns>
    public static async Task<int> RunAsync(RootCommand command, string[] args)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parse = command.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            foreach (var error in parse.Errors)
            {
                await Console.Error.WriteLineAsync($"{command.Name}: {error.Message}").ConfigureAwait(false);
            }

            await Console.Error.WriteLineAsync($"Run '{command.Name} --help' for usage.").ConfigureAwait(false);
            return UsageError;
        }

        using var interrupted = new CancellationTokenSource();
        void Interrupt(Action keepRunning)
        {
            if (interrupted.IsCancellationRequested)
            {
                return;
            }

            keepRunning();
            Console.Error.WriteLine("Stopping: ending what this run started (press Ctrl+C again to quit at once).");
            interrupted.Cancel();
        }

        ConsoleCancelEventHandler onCancel = (_, e) => Interrupt(() => e.Cancel = true);
        Console.CancelKeyPress += onCancel;
        using var onTerminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Interrupt(() => context.Cancel = true));
        try
        {
            // The library's own Ctrl+C handling would end the process after two seconds, clean-up or not.
            var invocation = new InvocationConfiguration { ProcessTerminationTimeout = null };
            return await parse.InvokeAsync(invocation, interrupted.Token).ConfigureAwait(false);
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }
}
