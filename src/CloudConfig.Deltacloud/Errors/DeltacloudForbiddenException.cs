namespace CloudConfig.Deltacloud;

/// <summary>The server refused the operation (403); Deltacloud also answers this for an action on an unknown instance, and for a duplicate key.</summary>
public sealed class DeltacloudForbiddenException : DeltacloudException
{
    /// <summary>Creates the exception with a default message.</summary>
    public DeltacloudForbiddenException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public DeltacloudForbiddenException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public DeltacloudForbiddenException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
