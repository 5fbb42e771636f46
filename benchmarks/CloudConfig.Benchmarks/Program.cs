using BenchmarkDotNet.Running;
using CloudConfig.Benchmarks.Quick;

// `--quick` prints one line per figure, "name ratio value", measured against a baseline in this same run.
// Anything else goes to BenchmarkDotNet for the full, statistically careful runs.
if (args.Contains("--quick"))
{
    var filter = args.SkipWhile(a => a != "--filter").Skip(1).FirstOrDefault();
    return await QuickRunner.RunAsync(filter);
}

BenchmarkSwitcher.FromAssembly(typeof(QuickRunner).Assembly).Run(args);
return 0;
