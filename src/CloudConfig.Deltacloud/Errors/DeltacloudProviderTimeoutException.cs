namespace CloudConfig.Deltacloud;

/// <summary>The cloud provider did not answer the driver in time (504).</summary>
public sealed class DeltacloudProviderTimeoutException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudProviderTimeoutException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudProviderTimeoutException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudProviderTimeoutException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
