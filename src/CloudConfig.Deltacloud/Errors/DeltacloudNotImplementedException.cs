namespace CloudConfig.Deltacloud;

/// <summary>The driver does not implement the operation (501).</summary>
public sealed class DeltacloudNotImplementedException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudNotImplementedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudNotImplementedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudNotImplementedException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
