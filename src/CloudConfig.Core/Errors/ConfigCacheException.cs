namespace CloudConfig.Core;

/// <summary>
/// The root of every error a config cache reports (in memory, Redis, a remote rendezvous server). Provisioning and
/// launch failures are not cache errors: they are <see cref="ProvisioningException"/>s, a sibling under
/// <see cref="CloudConfigException"/>. Messages never contain a secret.
/// </summary>
/// <remarks>
/// A cache that refuses an operation for a reason of its own throws a <see cref="ConfigCacheRefusedException"/>
/// (which every host can answer without knowing the cache), not this class: thrown as it is, this class says the
/// cache failed in a way it could not place, and a rendezvous server answers it 500 without detail.
/// </remarks>
public class ConfigCacheException : CloudConfigException
{
    /// <summary>Creates the exception.</summary>
    public ConfigCacheException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public ConfigCacheException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public ConfigCacheException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
