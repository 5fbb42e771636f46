using System.Diagnostics;

namespace CloudConfig.Testing.Processes;

/// <summary>Runs a program to completion with a deadline; on timeout or failure of the test, its whole tree is killed.</summary>
public static class ChildProcess
{
    public static async Task<ProcessRun> RunAsync(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string workingDirectory, TimeSpan deadline)
    {
        using var child = Start(fileName, arguments, environment, workingDirectory);
        return await child.WaitAsync(deadline);
    }

    /// <summary>Starts a program with its input closed and its output collected; dispose the result to kill what is left of it.</summary>
    public static RunningChild Start(string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string?> environment, string workingDirectory)
    {
        // A shell without job control starts background commands with SIGINT ignored, and an ignored signal is
        // inherited through exec: .NET then never sees Ctrl+C. env puts the default back, so interrupt tests test the
        // child, not how the test run was started; it execs the program, so the pid stays the child's.
        var start = new ProcessStartInfo("/usr/bin/env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("--default-signal=INT,QUIT");
        start.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        return new RunningChild(Process.Start(start) ?? throw new InvalidOperationException($"{fileName} did not start."), $"{Path.GetFileName(fileName)} {string.Join(' ', start.ArgumentList.Skip(2))}");
    }
}
