namespace CloudConfig.Agent;

/// <summary>
/// Another agent holds the lock on the same state directory: two agents for one entry would apply its configuration
/// concurrently, so this one stops before doing anything.
/// </summary>
public class ConfigAgentAlreadyRunningException : ConfigAgentException
{
    /// <summary>Creates the exception for the state directory whose lock is held.</summary>
    public ConfigAgentAlreadyRunningException(string stateDirectory, Exception? innerException = null)
        : base($"Another agent is running with the state directory {stateDirectory} (its lock file is held); this one stopped so that one entry never has two configuration runs at once.", innerException)
    {
        StateDirectory = stateDirectory;
    }

    /// <summary>The state directory whose lock is held.</summary>
    public string StateDirectory { get; }
}
