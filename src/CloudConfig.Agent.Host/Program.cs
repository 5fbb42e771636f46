using System.Runtime.InteropServices;
using CloudConfig.Agent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent.Host;

/// <summary>The agent's entry point: arguments to options, a small service provider, and exit codes.</summary>
internal static partial class Program
{
    public const int Ok = 0;
    public const int UnexpectedError = 1;
    public const int BadArguments = 2;
    public const int NoBootString = 3;
    public const int Refused = 4;
    public const int CertificateRefused = 5;

    public static async Task<int> Main(string[] args)
    {
        var commandLine = AgentCommandLine.Parse(args, new ConfigAgentOptions(), Environment.GetEnvironmentVariable);
        if (commandLine.ShowHelp)
        {
            await Console.Out.WriteLineAsync(AgentCommandLine.Usage).ConfigureAwait(false);
            return Ok;
        }

        if (commandLine.Errors.Count > 0)
        {
            await Console.Error.WriteLineAsync(string.Join(Environment.NewLine, commandLine.Errors) + Environment.NewLine + "Run with --help for usage.").ConfigureAwait(false);
            return BadArguments;
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
            .AddSingleton<IRendezvousConnector>(sp => new HttpRendezvousConnector(loggerFactory: sp.GetService<ILoggerFactory>()))
            // Parsed again into the registered options: the same arguments give the same result.
            .AddConfigAgent(configured => AgentCommandLine.Parse(args, configured, Environment.GetEnvironmentVariable));
        await using var provider = services.BuildServiceProvider();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("CloudConfig.Agent.Host");
        try
        {
            await provider.GetRequiredService<IConfigAgent>().RunAsync(stop.Token).ConfigureAwait(false);
            return Ok;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return Ok;
        }
        catch (OptionsValidationException e)
        {
            Log.InvalidOptions(logger, string.Join(" ", e.Failures));
            return BadArguments;
        }
        catch (BootStringNotFoundException e)
        {
            Log.Stopped(logger, e.Message);
            return NoBootString;
        }
        catch (ConfigAgentAuthenticationException e)
        {
            Log.Stopped(logger, e.Message);
            return Refused;
        }
        catch (ConfigAgentTrustException e)
        {
            Log.Stopped(logger, e.Message);
            return CertificateRefused;
        }
        catch (Exception e) when (e is ConfigAgentException or IOException or UnauthorizedAccessException)
        {
            // An unwritable state directory is the usual I/O failure here; its message names the path, nothing secret.
            Log.Stopped(logger, e.Message);
            return UnexpectedError;
        }
    }
}
