namespace CloudConfig.Core;

/// <summary>The root of every error a config cache reports. Messages never contain a secret.</summary>
public class ConfigCacheException : Exception
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
