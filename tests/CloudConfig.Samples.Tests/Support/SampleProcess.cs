using System.Reflection;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Samples.Tests.Support;

/// <summary>The samples as the programs they are: <c>dotnet Sample.dll args</c>, in a separate process.</summary>
internal static class SampleProcess
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    private static readonly string OutputPattern = typeof(SampleProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "SamplesOutput").Value!;

    public static async Task<ProcessRun> RunAsync(string sample, params string[] arguments)
    {
        using var child = Start(sample, arguments);
        return await child.WaitAsync(Deadline);
    }

    public static RunningChild Start(string sample, params string[] arguments)
    {
        var path = string.Format(System.Globalization.CultureInfo.InvariantCulture, OutputPattern, sample);
        Assert.True(File.Exists(path), $"The sample was not built at {path}.");
        var environment = DotnetHost.ChildEnvironment(new Dictionary<string, string>
        {
            // Plain output, as in a pipe: no terminal, no colours.
            ["NO_COLOR"] = "1",
            ["CLOUDCONFIG_API_KEY"] = "sample-api-key-0123456789abcdef",
        });
        environment["CLOUDCONFIG_REDIS"] = null;
        environment["CLOUDCONFIG_CERTIFICATE"] = null;
        return ChildProcess.Start(DotnetHost.Executable, [path, .. arguments], environment, Path.GetDirectoryName(path)!);
    }
}
