namespace CloudConfig.Deltacloud;

/// <summary>No HTTP answer arrived: the connection was refused, reset or failed.</summary>
public sealed class DeltacloudTransportException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudTransportException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudTransportException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudTransportException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
