namespace CloudConfig.Deltacloud;

/// <summary>The server answered something this client cannot read (HTML, a truncated or unexpected body).</summary>
public sealed class DeltacloudProtocolException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudProtocolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudProtocolException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
