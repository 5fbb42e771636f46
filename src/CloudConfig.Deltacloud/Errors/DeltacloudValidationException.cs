namespace CloudConfig.Deltacloud;

/// <summary>The server rejected the request's parameters (400).</summary>
public sealed class DeltacloudValidationException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudValidationException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudValidationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudValidationException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
