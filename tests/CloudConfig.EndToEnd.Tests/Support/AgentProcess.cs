using System.Diagnostics;
using System.Text;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// The real agent executable as a child process: <c>agent/cloudconfig-agent.dll</c> copied beside the tests, or, when
/// <c>CLOUDCONFIG_AGENT_BINARY</c> names one, a published (NativeAOT) binary, so the same test checks the shipped file.
/// Standard output (logs) and standard error (the one line saying why it stopped) are kept apart.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    public const string BinaryVariable = "CLOUDCONFIG_AGENT_BINARY";

    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();
    private readonly bool _ownsStateDirectory;

    private AgentProcess(Process process, string stateDirectory, bool ownsStateDirectory)
    {
        _process = process;
        StateDirectory = stateDirectory;
        _ownsStateDirectory = ownsStateDirectory;
    }

    public string StateDirectory { get; }

    public int Pid => _process.Id;

    /// <summary>Everything the agent wrote, standard output then standard error.</summary>
    public string Output => Stdout + Stderr;

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the agent with <paramref name="bootString"/> on its command line and nothing else to find one in.</summary>
    public static AgentProcess Start(string bootString, bool allowInsecure, string script) =>
        Start(new AgentLaunch { BootString = bootString, AllowInsecure = allowInsecure, Script = script, Fast = false });

    public static AgentProcess Start(AgentLaunch launch)
    {
        var owns = launch.StateDirectory is null;
        var stateDirectory = launch.StateDirectory ?? Path.Combine(Path.GetTempPath(), "cloudconfig-e2e-tests", Guid.NewGuid().ToString("N"));
        var native = Environment.GetEnvironmentVariable(BinaryVariable);
        var startInfo = native is { Length: > 0 }
            ? new ProcessStartInfo(native)
            : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet");
        if (native is not { Length: > 0 })
        {
            startInfo.ArgumentList.Add("exec");
            startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "agent", "cloudconfig-agent.dll"));
        }

        foreach (var argument in launch.Arguments(stateDirectory))
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.Environment.Remove("CLOUDCONFIG_BOOT");
        startInfo.Environment.Remove("CLOUDCONFIG_POOL_CREDENTIAL");
        foreach (var (name, value) in launch.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var agent = new AgentProcess(process, stateDirectory, owns);
        process.OutputDataReceived += (_, e) => Append(agent._stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Append(agent._stderr, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return agent;
    }

    /// <summary>Asks the agent to stop as systemd would, with SIGTERM.</summary>
    public async Task TerminateAsync()
    {
        using var kill = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", $"kill -TERM {_process.Id}" }, UseShellExecute = false })!;
        await kill.WaitForExitAsync();
        Assert.Equal(0, kill.ExitCode);
    }

    /// <summary>kill -9 of the agent alone: what it started is left to fend for itself, as after a real crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    /// <summary>The exit code, once the agent has exited (within a generous bound).</summary>
    public async Task<int> WaitForExitAsync(TimeSpan? within = null)
    {
        await _process.WaitForExitAsync().WaitAsync(within ?? TimeSpan.FromSeconds(30));
        // Drains the output readers so that Output is complete.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Waits until the agent's output contains <paramref name="text"/>; fails at once if the agent exits without it.</summary>
    public async Task WaitForOutputAsync(string text, TimeSpan? within = null)
    {
        using var timeout = new CancellationTokenSource(within ?? TimeSpan.FromSeconds(30));
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (_process.HasExited)
            {
                _process.WaitForExit();
                Assert.True(Output.Contains(text, StringComparison.Ordinal), $"The agent exited ({_process.ExitCode}) without writing '{text}'. Output:\n{Output}");
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        if (!_ownsStateDirectory)
        {
            return;
        }

        try
        {
            Directory.Delete(StateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in temp are harmless.
        }
    }

    private static string Read(StringBuilder builder)
    {
        lock (builder)
        {
            return builder.ToString();
        }
    }

    private static void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (builder)
        {
            builder.AppendLine(line);
        }
    }
}
