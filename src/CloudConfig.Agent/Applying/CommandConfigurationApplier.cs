using System.Diagnostics;
using System.Globalization;
using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>
/// Runs a command with the configuration on its standard input, then reads back the parameters it wrote to the
/// file named by <see cref="CommandApplierEnvironment.ParametersFile"/>. The exit code decides success; the tail
/// of standard output and error (joined into one stream, in the order the command wrote them) is kept for the report.
/// </summary>
/// <remarks>
/// The command runs in a session of its own (through <c>setsid</c>), recorded in the state directory before and
/// after it starts, so that it can be ended with everything it started: at its timeout, when the agent stops, and,
/// after a crash of the agent, by the next agent before it applies anything (<see cref="RunTermination"/>). It gets
/// an explicit environment: the applier's variables and a short list passed from the agent's own, never a secret.
/// </remarks>
internal sealed class CommandConfigurationApplier(
    string fileName,
    IReadOnlyList<string> arguments,
    TimeSpan timeout,
    RunLedger ledger,
    int maxOutputChars,
    ConfigCacheLimits limits,
    TimeProvider time,
    IReadOnlyList<string>? passedVariables = null) : IConfigurationApplier
{
    public async Task<ConfigurationApplyResult> ApplyAsync(InstanceConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (SessionLauncher.Find() is not { } setsid)
        {
            return new ConfigurationApplyResult(Succeeded: false, ExitCode: null, SessionLauncher.MissingMessage);
        }

        PrivateFiles.EnsureDirectory(ledger.Directory);
        var parametersFile = Path.Combine(ledger.Directory, $"parameters-{configuration.Generation.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}");
        await PrivateFiles.WriteAtomicallyAsync(parametersFile, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunAsync(configuration, setsid, parametersFile, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(parametersFile);
        }
    }

    private async Task<ConfigurationApplyResult> RunAsync(InstanceConfiguration configuration, string setsid, string parametersFile, CancellationToken cancellationToken)
    {
        var record = new RunRecord(Guid.NewGuid().ToString("N"), configuration.Generation);
        await ledger.WriteAsync(record, cancellationToken).ConfigureAwait(false);
        using var process = new Process { StartInfo = CreateStartInfo(configuration, setsid, parametersFile, record.RunId) };
        var tail = new OutputTail(maxOutputChars);
        process.OutputDataReceived += (_, e) => tail.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => tail.AppendLine(e.Data);
        process.Start();
        record = record with { Pid = process.Id, StartTicks = ProcessStat.Read(process.Id)?.StartTicks };
        await ledger.WriteAsync(record, CancellationToken.None).ConfigureAwait(false);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            await WriteInputAsync(process, configuration, linked.Token).ConfigureAwait(false);
            await process.WaitForExitAsync(linked.Token).ConfigureAwait(false);
            // The parameterless wait is the documented guarantee that the output handlers have seen every line;
            // the process has exited, so it returns at once.
            process.WaitForExit();
        }
        catch (OperationCanceledException)
        {
            await RunTermination.EndAsync(record, CancellationToken.None).ConfigureAwait(false);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            ledger.Clear();
            cancellationToken.ThrowIfCancellationRequested();
            tail.AppendLine(string.Create(CultureInfo.InvariantCulture, $"[cloudconfig-agent: killed after the timeout of {timeout}]"));
            return new ConfigurationApplyResult(Succeeded: false, CommandApplierEnvironment.TimedOutExitCode, tail.ToString());
        }

        ledger.Clear();
        var text = await File.ReadAllTextAsync(parametersFile, CancellationToken.None).ConfigureAwait(false);
        var parameters = ParameterFileParser.Parse(text, limits, out var dropped);
        if (dropped > 0)
        {
            tail.AppendLine(string.Create(CultureInfo.InvariantCulture, $"[cloudconfig-agent: ignored {dropped} malformed or over-limit parameter lines]"));
        }

        return new ConfigurationApplyResult(process.ExitCode == 0, process.ExitCode, tail.ToString()) { Parameters = parameters };
    }

    private ProcessStartInfo CreateStartInfo(InstanceConfiguration configuration, string setsid, string parametersFile, string runId)
    {
        var startInfo = new ProcessStartInfo(setsid)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = ledger.Directory,
        };
        SessionLauncher.AddCommand(startInfo.ArgumentList, fileName, arguments);
        CommandApplierEnvironment.Fill(startInfo.Environment, passedVariables ?? []);
        startInfo.Environment[CommandApplierEnvironment.ParametersFile] = parametersFile;
        startInfo.Environment[CommandApplierEnvironment.Uuid] = configuration.Uuid.ToString("D");
        startInfo.Environment[CommandApplierEnvironment.Generation] = configuration.Generation.ToString(CultureInfo.InvariantCulture);
        startInfo.Environment[CommandApplierEnvironment.ContentType] = configuration.Configuration.ContentType;
        startInfo.Environment[CommandApplierEnvironment.Domain] = configuration.Domain;
        startInfo.Environment[RunTermination.RunIdVariable] = runId;
        return startInfo;
    }

    private static async Task WriteInputAsync(Process process, InstanceConfiguration configuration, CancellationToken cancellationToken)
    {
        var input = process.StandardInput.BaseStream;
        try
        {
            await input.WriteAsync(configuration.Configuration.Bytes, cancellationToken).ConfigureAwait(false);
            await input.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // The command exited or closed its input without reading it all; its exit code tells the story.
        }
        finally
        {
            try
            {
                process.StandardInput.Close();
            }
            catch (IOException)
            {
                // Same as above: a closed pipe is not the agent's failure.
            }
        }
    }
}
