namespace CloudConfig.Deltacloud;

/// <summary>The server is temporarily unavailable (503).</summary>
public sealed class DeltacloudServiceUnavailableException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudServiceUnavailableException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudServiceUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudServiceUnavailableException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
