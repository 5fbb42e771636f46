namespace CloudConfig.Deltacloud;

/// <summary>The instance does not list the requested action in its current state; nothing was sent.</summary>
public sealed class DeltacloudActionNotAvailableException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudActionNotAvailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudActionNotAvailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudActionNotAvailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
