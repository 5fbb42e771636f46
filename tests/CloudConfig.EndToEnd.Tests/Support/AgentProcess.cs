using System.Diagnostics;
using System.Text;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// The real agent executable as a child process: <c>agent/cloudconfig-agent.dll</c> copied beside the tests, or, when
/// <c>CLOUDCONFIG_AGENT_BINARY</c> names one, a published (NativeAOT) binary, so the same test checks the shipped file.
/// </summary>
internal sealed class AgentProcess : IAsyncDisposable
{
    public const string BinaryVariable = "CLOUDCONFIG_AGENT_BINARY";

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly string _stateDirectory;

    private AgentProcess(Process process, string stateDirectory)
    {
        _process = process;
        _stateDirectory = stateDirectory;
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the agent with <paramref name="bootString"/> on its command line and nothing else to find one in.</summary>
    public static AgentProcess Start(string bootString, bool allowInsecure, string script)
    {
        var stateDirectory = Path.Combine(Path.GetTempPath(), "cloudconfig-e2e-tests", Guid.NewGuid().ToString("N"));
        var native = Environment.GetEnvironmentVariable(BinaryVariable);
        var startInfo = native is { Length: > 0 }
            ? new ProcessStartInfo(native)
            : new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet");
        if (native is not { Length: > 0 })
        {
            startInfo.ArgumentList.Add("exec");
            startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "agent", "cloudconfig-agent.dll"));
        }

        string[] arguments =
        [
            "--boot-string", bootString, "--state-dir", stateDirectory,
            "--boot-env", "", "--user-data-file", "none", "--metadata-url", "none", "--cmdline-file", "none",
            "--address", AgentSide.ReportedAddress, "--command", "/bin/sh", "--arg", "-c", "--arg", script,
        ];
        foreach (var argument in allowInsecure ? [.. arguments, "--allow-insecure"] : arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.Environment.Remove("CLOUDCONFIG_BOOT");
        var process = new Process { StartInfo = startInfo };
        var agent = new AgentProcess(process, stateDirectory);
        process.OutputDataReceived += (_, e) => agent.Append(e.Data);
        process.ErrorDataReceived += (_, e) => agent.Append(e.Data);
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

    /// <summary>The exit code, once the agent has exited (within a generous bound).</summary>
    public async Task<int> WaitForExitAsync()
    {
        await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
        // Drains the output readers so that Output is complete.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_stateDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Leftovers in temp are harmless.
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
