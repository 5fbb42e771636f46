namespace CloudConfig.Deltacloud;

/// <summary>The credentials were refused (401).</summary>
public sealed class DeltacloudAuthenticationException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudAuthenticationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudAuthenticationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudAuthenticationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
