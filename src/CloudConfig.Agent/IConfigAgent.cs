namespace CloudConfig.Agent;

/// <summary>The instance agent: configures this instance from its rendezvous point and keeps it up to date.</summary>
public interface IConfigAgent
{
    /// <summary>
    /// Finds the instance's entry (saved state, boot string or dynamic pool), fetches and applies its configuration,
    /// reports back, then waits for newer generations and applies each one, until <paramref name="cancellationToken"/>
    /// is cancelled (or after the first apply when <see cref="ConfigAgentOptions.ExitAfterApply"/> is set).
    /// </summary>
    /// <exception cref="BootStringNotFoundException">There is nothing to configure from.</exception>
    /// <exception cref="ConfigAgentAuthenticationException">The rendezvous point refused the agent's credential.</exception>
    /// <exception cref="ConfigAgentTrustException">The rendezvous server's certificate was refused (not the pinned one, or invalid).</exception>
    /// <exception cref="ConfigAgentCredentialException">A credential can never be sent (not printable ASCII, or too long); nothing was sent.</exception>
    /// <exception cref="ConfigAgentRefusedException">The rendezvous point refused a request (a 4xx other than 404, 408 and 429, or a redirect).</exception>
    /// <exception cref="ConfigurationRefusedException">What the rendezvous point sent could not come from a valid server; nothing was applied.</exception>
    /// <exception cref="ConfigAgentAlreadyRunningException">Another agent holds the state directory.</exception>
    /// <exception cref="OperationCanceledException">The agent was asked to stop.</exception>
    Task RunAsync(CancellationToken cancellationToken = default);
}
