namespace CloudConfig.Core;

/// <summary>
/// The cache's backend (a Redis server, a remote rendezvous server) could not be reached in time. The call may
/// or may not have taken effect; retrying later is safe for every idempotent operation.
/// </summary>
public class ConfigCacheUnavailableException : ConfigCacheException
{
    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConfigCacheUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
