namespace CloudConfig.Agent;

/// <summary>
/// No source held a boot string, and the agent has neither a saved state nor a dynamic pool to fall back on.
/// </summary>
public class BootStringNotFoundException : ConfigAgentException
{
    /// <summary>Creates the exception, naming every source that was tried.</summary>
    /// <param name="sourcesTried">The names of the sources tried, in order.</param>
    public BootStringNotFoundException(IReadOnlyList<string> sourcesTried)
        : base(BuildMessage(sourcesTried))
    {
        SourcesTried = sourcesTried;
    }

    /// <summary>The names of the sources tried, in order.</summary>
    public IReadOnlyList<string> SourcesTried { get; }

    private static string BuildMessage(IReadOnlyList<string> sourcesTried)
    {
        ArgumentNullException.ThrowIfNull(sourcesTried);
        var tried = sourcesTried.Count == 0 ? "none configured" : string.Join(", ", sourcesTried);
        return "No boot string was found (sources tried: " + tried + "), there is no saved agent state, and no dynamic pool is configured. "
            + "Pass --boot-string, set the environment variable, provide user data, or configure a rendezvous address, pool name and pool credential.";
    }
}
