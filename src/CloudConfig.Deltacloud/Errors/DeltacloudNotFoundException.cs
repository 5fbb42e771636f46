namespace CloudConfig.Deltacloud;

/// <summary>The resource does not exist (404), or the route is unknown to the server.</summary>
public sealed class DeltacloudNotFoundException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudNotFoundException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudNotFoundException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
