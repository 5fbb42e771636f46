namespace CloudConfig.Agent;

/// <summary>
/// The rendezvous point (or a proxy in front of it) refused a request for a reason other than an unknown entry or a
/// wrong credential: a 4xx other than 404, 408 and 429, or a redirect, which the agent never follows. The agent stops
/// instead of retrying, because the same request would be refused the same way.
/// </summary>
public class ConfigAgentRefusedException : ConfigAgentException
{
    /// <summary>Creates the exception for an operation, with the transport's description of the refusal.</summary>
    public ConfigAgentRefusedException(string operation, Exception innerException)
        : base(BuildMessage(operation, innerException), innerException)
    {
        Operation = operation;
    }

    /// <summary>The refused operation, for example <c>fetch</c> or <c>update_cache</c>.</summary>
    public string Operation { get; }

    private static string BuildMessage(string operation, Exception innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        return $"The rendezvous point refused {operation}: {innerException.Message} The agent stopped rather than retry a request that cannot succeed.";
    }
}
