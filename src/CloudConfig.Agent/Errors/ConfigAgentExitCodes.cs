using Microsoft.Extensions.Options;

namespace CloudConfig.Agent;

/// <summary>
/// The exit code for each way the agent can stop: one table for <c>cloudconfig-agent</c> and for a worker that runs
/// the agent as a hosted service (<c>AddConfigAgentHostedService</c>), so that a supervisor reads both alike.
/// </summary>
public static class ConfigAgentExitCodes
{
    /// <summary>Stopped when asked, or finished after the first apply (<see cref="ConfigAgentOptions.ExitAfterApply"/>).</summary>
    public const int Ok = 0;

    /// <summary>An error the agent has no code of its own for (an unwritable state directory, an unreadable state file, ...).</summary>
    public const int UnexpectedError = 1;

    /// <summary>Invalid options (<see cref="OptionsValidationException"/>), or the command line's bad arguments.</summary>
    public const int InvalidOptions = 2;

    /// <summary>No boot string, no saved state and no dynamic pool (<see cref="BootStringNotFoundException"/>).</summary>
    public const int NoBootString = 3;

    /// <summary>The rendezvous point refused the credential (<see cref="ConfigAgentAuthenticationException"/>).</summary>
    public const int CredentialRefused = 4;

    /// <summary>The rendezvous server's certificate was refused (<see cref="ConfigAgentTrustException"/>).</summary>
    public const int CertificateRefused = 5;

    /// <summary>A credential can never be sent; nothing was sent (<see cref="ConfigAgentCredentialException"/>).</summary>
    public const int CredentialUnsendable = 6;

    /// <summary>The rendezvous point or a proxy refused a request (<see cref="ConfigAgentRefusedException"/>).</summary>
    public const int RequestRefused = 7;

    /// <summary>The agent refused what the rendezvous point sent; nothing was applied (<see cref="ConfigurationRefusedException"/>).</summary>
    public const int ConfigurationRefused = 8;

    /// <summary>Another agent holds the state directory (<see cref="ConfigAgentAlreadyRunningException"/>).</summary>
    public const int AlreadyRunning = 9;

    /// <summary>The exit code for an error <see cref="IConfigAgent.RunAsync"/> stopped with.</summary>
    public static int For(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception switch
        {
            OptionsValidationException => InvalidOptions,
            BootStringNotFoundException => NoBootString,
            ConfigAgentAuthenticationException => CredentialRefused,
            ConfigAgentTrustException => CertificateRefused,
            ConfigAgentCredentialException => CredentialUnsendable,
            ConfigAgentRefusedException => RequestRefused,
            ConfigurationRefusedException => ConfigurationRefused,
            ConfigAgentAlreadyRunningException => AlreadyRunning,
            _ => UnexpectedError,
        };
    }
}
