namespace CloudConfig.Core;

/// <summary>
/// The root of every error the CloudConfig packages raise on purpose, so that one <c>catch</c> can handle them all.
/// Its branches say which part failed: <see cref="ConfigCacheException"/> (a cache refused or could not answer),
/// <see cref="ProvisioningException"/> and <see cref="DeprovisioningException"/> (starting or ending one instance),
/// <see cref="ConfigurationFailedException"/> and <see cref="ConfigurationTimeoutException"/> (an instance's report),
/// and the Deltacloud client's and the agent's own roots. Messages never contain a secret.
/// </summary>
/// <remarks>
/// Malformed text is a <see cref="FormatException"/> instead (<see cref="BootStringFormatException"/>,
/// <see cref="RendezvousAddressFormatException"/>), and a wrong argument an <see cref="ArgumentException"/>, as .NET does.
/// </remarks>
public class CloudConfigException : Exception
{
    /// <summary>Creates the exception.</summary>
    public CloudConfigException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public CloudConfigException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public CloudConfigException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
