namespace CloudConfig.Deltacloud;

/// <summary>The client gave up waiting: for one HTTP answer, or for an instance to reach a state.</summary>
public sealed class DeltacloudTimeoutException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
