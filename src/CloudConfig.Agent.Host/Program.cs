using System.Runtime.InteropServices;
using CloudConfig.Agent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent.Host;

/// <summary>
/// The agent's entry point: arguments to options, a small service provider, and exit codes. Whatever happens, the
/// agent ends with a documented exit code and, when it failed, exactly one readable line on standard error (logs go
/// to standard output); never a stack trace.
/// </summary>
internal static partial class Program
{
    public static async Task<int> Main(string[] args)
    {
        try
        {
            return await RunAsync(args).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Nothing known: the type and the message (which the agent's own errors keep free of secrets), on one line.
            return await FailAsync(ConfigAgentExitCodes.UnexpectedError, $"unexpected error ({e.GetType().Name}): {e.Message}").ConfigureAwait(false);
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        // Read once: the agent blanks its credentials in its own environment once it has them, and the parsed
        // arguments are applied again to the registered options below.
        var poolCredential = Environment.GetEnvironmentVariable(AgentCommandLine.PoolCredentialVariable);
        string? Variable(string name) => name == AgentCommandLine.PoolCredentialVariable ? poolCredential : Environment.GetEnvironmentVariable(name);

        var commandLine = AgentCommandLine.Parse(args, Variable);
        var parsed = new ConfigAgentOptions();
        commandLine.ApplyTo(parsed);
        if (parsed.BootString is { Length: > 0 } bootString)
        {
            // Visible in /proc/<pid>/cmdline (and ps) until now; masked for everyone who looks later, the command included.
            ProcessSecretScrubber.HideArgument(bootString);
        }

        if (commandLine.ShowHelp)
        {
            await Console.Out.WriteLineAsync(AgentCommandLine.Usage).ConfigureAwait(false);
            return ConfigAgentExitCodes.Ok;
        }

        if (commandLine.Errors.Count > 0)
        {
            return await FailAsync(ConfigAgentExitCodes.InvalidOptions, string.Join(" ", commandLine.Errors) + " Run with --help for usage.").ConfigureAwait(false);
        }

        if (commandLine.ShowVersion)
        {
            await Console.Out.WriteLineAsync(AgentCommandLine.VersionText).ConfigureAwait(false);
            return ConfigAgentExitCodes.Ok;
        }

        using var stop = new CancellationTokenSource();
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, context =>
        {
            context.Cancel = true;
            stop.Cancel();
        });

        var services = new ServiceCollection()
            .AddLogging(logging => logging
                .AddSimpleConsole(console => console.SingleLine = true)
                .SetMinimumLevel(commandLine.Verbose ? LogLevel.Debug : LogLevel.Information))
            .AddConfigAgent(commandLine.ApplyTo);
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<IConfigAgent>().RunAsync(stop.Token).ConfigureAwait(false);
            return ConfigAgentExitCodes.Ok;
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Stopped on SIGTERM or SIGINT: whatever was interrupted, stopping is what happened.
            return ConfigAgentExitCodes.Ok;
        }
        catch (OptionsValidationException e)
        {
            return await FailAsync(ConfigAgentExitCodes.InvalidOptions, "invalid options: " + string.Join(" ", e.Failures)).ConfigureAwait(false);
        }
        catch (ConfigAgentException e)
        {
            return await FailAsync(ConfigAgentExitCodes.For(e), e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unwritable state directory is the usual I/O failure here; its message names the path, nothing secret.
            return await FailAsync(ConfigAgentExitCodes.UnexpectedError, e.Message).ConfigureAwait(false);
        }
    }
}
