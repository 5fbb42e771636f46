namespace CloudConfig.Deltacloud;

/// <summary>The operation is not allowed in the resource's current state (405), or an instance reached an unexpected state while waited on.</summary>
public sealed class DeltacloudInvalidStateException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudInvalidStateException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudInvalidStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudInvalidStateException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
