using System.Runtime.InteropServices;
using CloudConfig.Agent;
using CloudConfig.Rendezvous.Client;
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
            return await FailAsync(UnexpectedError, $"unexpected error ({e.GetType().Name}): {e.Message}").ConfigureAwait(false);
        }
    }

    private static async Task<int> RunAsync(string[] args)
    {
        // Read once: the agent blanks its credentials in its own environment once it has them, and the arguments are
        // parsed again into the registered options below.
        var poolCredential = Environment.GetEnvironmentVariable(AgentCommandLine.PoolCredentialVariable);
        string? Variable(string name) => name == AgentCommandLine.PoolCredentialVariable ? poolCredential : Environment.GetEnvironmentVariable(name);

        var parsed = new ConfigAgentOptions();
        var commandLine = AgentCommandLine.Parse(args, parsed, Variable);
        if (parsed.BootString is { Length: > 0 } bootString)
        {
            // Visible in /proc/<pid>/cmdline (and ps) until now; masked for everyone who looks later, the command included.
            ProcessSecretScrubber.HideArgument(bootString);
        }

        if (commandLine.ShowHelp)
        {
            await Console.Out.WriteLineAsync(AgentCommandLine.Usage).ConfigureAwait(false);
            return Ok;
        }

        if (commandLine.Errors.Count > 0)
        {
            return await FailAsync(BadArguments, string.Join(" ", commandLine.Errors) + " Run with --help for usage.").ConfigureAwait(false);
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
            .AddSingleton<IRendezvousConnector>(sp => new HttpRendezvousConnector(
                () => ClientOptions(commandLine, sp.GetRequiredService<IOptions<ConfigAgentOptions>>().Value),
                sp.GetService<ILoggerFactory>()))
            // Parsed again into the registered options: the same arguments give the same result.
            .AddConfigAgent(configured => AgentCommandLine.Parse(args, configured, Variable));
        await using var provider = services.BuildServiceProvider();
        try
        {
            await provider.GetRequiredService<IConfigAgent>().RunAsync(stop.Token).ConfigureAwait(false);
            return Ok;
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Stopped on SIGTERM or SIGINT: whatever was interrupted, stopping is what happened.
            return Ok;
        }
        catch (OptionsValidationException e)
        {
            return await FailAsync(BadArguments, "invalid options: " + string.Join(" ", e.Failures)).ConfigureAwait(false);
        }
        catch (ConfigAgentException e)
        {
            return await FailAsync(ExitCodeFor(e), e.Message).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unwritable state directory is the usual I/O failure here; its message names the path, nothing secret.
            return await FailAsync(UnexpectedError, e.Message).ConfigureAwait(false);
        }
    }

    private static RendezvousInstanceClientOptions ClientOptions(AgentCommandLine commandLine, ConfigAgentOptions agent)
    {
        // Two quick retries per call: the agent's own capped backoff paces retries across calls and endpoints.
        var options = new RendezvousInstanceClientOptions
        {
            MaxRetryAttempts = 2,
            MaxResponseBytes = RendezvousInstanceClientOptions.ResponseLimitFor(agent.Limits.MaxConfigurationBytes),
        };
        if (commandLine.RequestTimeout is { } timeout)
        {
            options.RequestTimeout = timeout;
        }

        return options;
    }
}
