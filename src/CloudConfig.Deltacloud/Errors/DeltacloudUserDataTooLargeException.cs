namespace CloudConfig.Deltacloud;

/// <summary>The user data is larger than the configured limit; nothing was sent.</summary>
public sealed class DeltacloudUserDataTooLargeException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudUserDataTooLargeException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudUserDataTooLargeException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudUserDataTooLargeException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
