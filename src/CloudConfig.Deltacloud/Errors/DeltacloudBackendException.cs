namespace CloudConfig.Deltacloud;

/// <summary>The server or its driver failed (500).</summary>
public sealed class DeltacloudBackendException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudBackendException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudBackendException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudBackendException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
