namespace CloudConfig.Deltacloud;

/// <summary>The server's entry point does not offer a collection or feature the operation needs.</summary>
public sealed class DeltacloudFeatureNotSupportedException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudFeatureNotSupportedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudFeatureNotSupportedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudFeatureNotSupportedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
