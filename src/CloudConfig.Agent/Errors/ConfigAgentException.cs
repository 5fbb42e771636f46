using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>The root of every error the agent stops with. Messages never contain a secret.</summary>
public class ConfigAgentException : CloudConfigException
{
    /// <summary>Creates the exception.</summary>
    public ConfigAgentException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConfigAgentException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConfigAgentException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
