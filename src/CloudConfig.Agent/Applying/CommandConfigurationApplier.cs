using System.Diagnostics;
using System.Globalization;
using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>
/// Runs a command with the configuration on its standard input, then reads back the parameters it wrote to the
/// file named by <see cref="CommandApplierEnvironment.ParametersFile"/>. The exit code decides success; the tail
/// of standard output and error (interleaved) is kept for the report. A command that outlives its timeout is killed
/// with its whole process tree.
/// </summary>
internal sealed class CommandConfigurationApplier(
    string fileName,
    IReadOnlyList<string> arguments,
    TimeSpan timeout,
    string workDirectory,
    int maxOutputChars,
    ConfigCacheLimits limits,
    TimeProvider time,
    IReadOnlyList<string>? hiddenVariables = null) : IConfigurationApplier
{
    public async Task<ConfigurationApplyResult> ApplyAsync(InstanceConfiguration configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        PrivateFiles.EnsureDirectory(workDirectory);
        var parametersFile = Path.Combine(workDirectory, $"parameters-{configuration.Generation.ToString(CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}");
        await PrivateFiles.WriteAtomicallyAsync(parametersFile, ReadOnlyMemory<byte>.Empty, cancellationToken).ConfigureAwait(false);
        try
        {
            return await RunAsync(configuration, parametersFile, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            File.Delete(parametersFile);
        }
    }

    private async Task<ConfigurationApplyResult> RunAsync(InstanceConfiguration configuration, string parametersFile, CancellationToken cancellationToken)
    {
        using var process = new Process { StartInfo = CreateStartInfo(configuration, parametersFile) };
        var tail = new OutputTail(maxOutputChars);
        process.OutputDataReceived += (_, e) => tail.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => tail.AppendLine(e.Data);
        process.Start();
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
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            tail.AppendLine(string.Create(CultureInfo.InvariantCulture, $"[cloudconfig-agent: killed after the timeout of {timeout}]"));
            return new ConfigurationApplyResult(Succeeded: false, CommandApplierEnvironment.TimedOutExitCode, tail.ToString());
        }

        var text = await File.ReadAllTextAsync(parametersFile, CancellationToken.None).ConfigureAwait(false);
        var parameters = ParameterFileParser.Parse(text, limits, out var dropped);
        if (dropped > 0)
        {
            tail.AppendLine(string.Create(CultureInfo.InvariantCulture, $"[cloudconfig-agent: ignored {dropped} malformed or over-limit parameter lines]"));
        }

        return new ConfigurationApplyResult(process.ExitCode == 0, process.ExitCode, tail.ToString()) { Parameters = parameters };
    }

    private ProcessStartInfo CreateStartInfo(InstanceConfiguration configuration, string parametersFile)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment[CommandApplierEnvironment.ParametersFile] = parametersFile;
        startInfo.Environment[CommandApplierEnvironment.Uuid] = configuration.Uuid.ToString("D");
        startInfo.Environment[CommandApplierEnvironment.Generation] = configuration.Generation.ToString(CultureInfo.InvariantCulture);
        startInfo.Environment[CommandApplierEnvironment.ContentType] = configuration.Configuration.ContentType;
        startInfo.Environment[CommandApplierEnvironment.Domain] = configuration.Domain;
        // The agent's own credentials (boot string, pool credential) must not leak into the tool's environment.
        foreach (var variable in hiddenVariables ?? [])
        {
            if (!string.IsNullOrEmpty(variable))
            {
                startInfo.Environment.Remove(variable);
            }
        }

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
