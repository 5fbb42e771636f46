namespace CloudConfig.Agent;

/// <summary>
/// A credential (the boot secret, the trust key or the pool credential) cannot be sent to the rendezvous point at all:
/// it is not printable ASCII, or it is longer than the server accepts. Found before anything is sent; the agent
/// stops at once instead of retrying what can never work. The message names the credential, never its value.
/// </summary>
public class ConfigAgentCredentialException : ConfigAgentException
{
    /// <summary>Creates the exception for an operation, with the transport's description of the problem.</summary>
    public ConfigAgentCredentialException(string operation, Exception innerException)
        : base(BuildMessage(operation, innerException), innerException)
    {
        Operation = operation;
    }

    /// <summary>The operation that could not be attempted.</summary>
    public string Operation { get; }

    private static string BuildMessage(string operation, Exception innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        return $"{operation} cannot be attempted: {innerException.Message} The agent stopped: this credential can never be accepted, so check how the boot string or pool credential was made.";
    }
}
