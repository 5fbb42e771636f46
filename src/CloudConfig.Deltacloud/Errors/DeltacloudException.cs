using CloudConfig.Core;

namespace CloudConfig.Deltacloud;

/// <summary>
/// The root of every error the Deltacloud client raises. Carries the HTTP status and the server's error kind and
/// message; never the server's backtrace, never credentials or user data. A launch that fails with it reaches the app
/// wrapped in a <see cref="ProvisioningException"/>.
/// </summary>
public class DeltacloudException : CloudConfigException
{
    /// <summary>Creates an exception with a default message.</summary>
    public DeltacloudException()
        : base("The Deltacloud request failed.")
    {
    }

    /// <summary>Creates an exception with a message.</summary>
    public DeltacloudException(string message)
        : base(message)
    {
    }

    /// <summary>Creates an exception with a message and the failure that caused it.</summary>
    public DeltacloudException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The HTTP status the server answered, or <see langword="null"/> when no answer arrived or the client refused first.</summary>
    public int? StatusCode { get; internal set; }

    /// <summary>The server's error kind, for example <c>ObjectNotFound</c>, when it said one.</summary>
    public string? ErrorKind { get; internal set; }

    /// <summary>The server's own message, shortened, without the backtrace.</summary>
    public string? ServerMessage { get; internal set; }

    /// <summary>Whether trying again later may succeed (provider errors and timeouts, unavailability, transport failures).</summary>
    public virtual bool IsTransient => false;
}
