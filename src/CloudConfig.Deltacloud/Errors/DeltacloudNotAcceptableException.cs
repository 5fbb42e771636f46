namespace CloudConfig.Deltacloud;

/// <summary>The server cannot produce the requested format (406).</summary>
public sealed class DeltacloudNotAcceptableException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudNotAcceptableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudNotAcceptableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudNotAcceptableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
