namespace CloudConfig.Agent;

/// <summary>
/// The rendezvous server's certificate was refused: it is not the certificate pinned by the boot string's
/// fingerprint, or (without a pin) it failed normal TLS validation. The agent stops instead of retrying: the same
/// server will present the same certificate, and talking to another one would hand it the boot secret.
/// </summary>
public class ConfigAgentTrustException : ConfigAgentException
{
    /// <summary>Creates the exception for an operation at an endpoint.</summary>
    public ConfigAgentTrustException(string operation, RendezvousEndpoint endpoint, Exception? innerException = null)
        : base(BuildMessage(operation, endpoint), innerException)
    {
        Operation = operation;
        Endpoint = endpoint;
    }

    /// <summary>The operation that was attempted, for example <c>fetch</c>.</summary>
    public string Operation { get; }

    /// <summary>The endpoint whose certificate was refused.</summary>
    public RendezvousEndpoint Endpoint { get; }

    private static string BuildMessage(string operation, RendezvousEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return $"The certificate of the rendezvous server at {endpoint} was refused during {operation}"
            + (endpoint.Fingerprint is null ? " (it did not pass TLS validation)." : " (it is not the certificate pinned by the boot string).")
            + " The agent stopped rather than retry. Usual causes: the server's certificate was replaced after the boot string was made, or something else answers at that address.";
    }
}
