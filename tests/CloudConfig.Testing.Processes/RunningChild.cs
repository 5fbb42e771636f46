using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CloudConfig.Testing.Processes;

/// <summary>A started child process: its output as it comes, a way to interrupt it as Ctrl+C would, its end.</summary>
public sealed partial class RunningChild : IDisposable
{
    private const int SigInt = 2;

    private readonly Process _process;
    private readonly string _description;
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();
    private readonly TaskCompletionSource _outClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _errorClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal RunningChild(Process process, string description)
    {
        _process = process;
        _description = description;
        _process.StandardInput.Close();
        _process.OutputDataReceived += (_, e) => Append(_out, e.Data, _outClosed);
        _process.ErrorDataReceived += (_, e) => Append(_error, e.Data, _errorClosed);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>What it wrote to standard output so far.</summary>
    public string Out
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    /// <summary>Everything it wrote so far, standard output then standard error, for failure messages.</summary>
    public string All => Out + Error();

    /// <summary>Whether it has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public void Interrupt()
    {
        if (Kill(_process.Id, SigInt) != 0)
        {
            throw new InvalidOperationException($"kill(SIGINT) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>Waits for the end, killing the process tree after <paramref name="deadline"/>.</summary>
    /// <exception cref="TimeoutException">It did not end in time.</exception>
    public async Task<ProcessRun> WaitAsync(TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
            await Task.WhenAll(_outClosed.Task, _errorClosed.Task).WaitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"{_description} did not finish within {deadline}. Output so far:\n{Out}{Error()}");
        }
        finally
        {
            KillIfRunning();
        }

        return new ProcessRun(_process.ExitCode, Out, Error());
    }

    public void Dispose()
    {
        KillIfRunning();
        _process.Dispose();
    }

    private string Error()
    {
        lock (_error)
        {
            return _error.ToString();
        }
    }

    private void KillIfRunning()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
    }

    private static void Append(StringBuilder text, string? line, TaskCompletionSource closed)
    {
        if (line is null)
        {
            closed.TrySetResult();
            return;
        }

        lock (text)
        {
            text.Append(line).Append('\n');
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
