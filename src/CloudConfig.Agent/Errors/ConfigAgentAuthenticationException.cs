namespace CloudConfig.Agent;

/// <summary>
/// The rendezvous point refused the agent's credential. The agent stops instead of retrying, because asking again
/// with the same credential cannot succeed and would only look like an attack.
/// </summary>
public class ConfigAgentAuthenticationException : ConfigAgentException
{
    /// <summary>Creates the exception for an operation on an entry (or a pool, when <paramref name="uuid"/> is null).</summary>
    public ConfigAgentAuthenticationException(string operation, Guid? uuid, Exception? innerException = null)
        : base(BuildMessage(operation, uuid), innerException)
    {
        Operation = operation;
        Uuid = uuid;
    }

    /// <summary>The refused operation, for example <c>fetch</c> or <c>update_cache</c>.</summary>
    public string Operation { get; }

    /// <summary>The entry concerned, when known.</summary>
    public Guid? Uuid { get; }

    private static string BuildMessage(string operation, Guid? uuid) =>
        $"The rendezvous point refused {operation} for {(uuid is { } id ? $"entry {id}" : "the dynamic pool")}: unknown entry or wrong credential. "
        + "The agent stopped rather than retry. Usual causes: the boot secret was already consumed by another agent, the entry expired or was removed, or the state directory was lost.";
}
