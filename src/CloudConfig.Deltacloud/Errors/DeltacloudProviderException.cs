namespace CloudConfig.Deltacloud;

/// <summary>The cloud provider behind the driver failed (502).</summary>
public sealed class DeltacloudProviderException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudProviderException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudProviderException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudProviderException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <inheritdoc />
    public override bool IsTransient => true;
}
