using System.Globalization;
using CloudConfig.Samples.Shared;
using Spectre.Console;

namespace QuickStart;

/// <summary>Live progress for <c>--count</c>: bars on a terminal, a line per tenth of the way otherwise.</summary>
internal static class ProgressDisplay
{
    public static async Task<ManyResult> RunAsync(int count, Func<IProgress<ManyProgress>, Task<ManyResult>> run)
    {
        if (!AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await run(new LineProgress(count)).ConfigureAwait(false);
        }

        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ValueColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var launched = context.AddTask("started", maxValue: count);
                var configured = context.AddTask("configured", maxValue: count);
                var failed = context.AddTask("failed", maxValue: count);
                return await run(new SynchronousProgress(p =>
                {
                    launched.Value = p.Launched;
                    configured.Value = p.Configured;
                    failed.Value = p.Failed;
                })).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    private sealed class ValueColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text(string.Create(CultureInfo.InvariantCulture, $"{task.Value,6:0}/{task.MaxValue:0}"));
    }

    private sealed class SynchronousProgress(Action<ManyProgress> report) : IProgress<ManyProgress>
    {
        public void Report(ManyProgress value) => report(value);
    }

    // Output that is not a terminal (a log, a pipe) gets a few plain lines instead of redrawn bars.
    private sealed class LineProgress(int total) : IProgress<ManyProgress>
    {
        private readonly object _gate = new();
        private int _lastTenth = -1;

        public void Report(ManyProgress value)
        {
            var done = value.Configured + value.Failed;
            var tenth = done * 10 / total;
            lock (_gate)
            {
                if (tenth <= _lastTenth)
                {
                    return;
                }

                _lastTenth = tenth;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"started {value.Launched}/{total}, configured {value.Configured}, failed {value.Failed}"));
        }
    }
}
