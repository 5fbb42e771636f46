namespace CloudConfig.Deltacloud.Embedded;

/// <summary>A fault injected into one create, chosen by <see cref="EmbeddedDeltacloudOptions.CreateFault"/>.</summary>
public sealed record EmbeddedCreateFault
{
    private EmbeddedCreateFault(EmbeddedCreateFaultKind kind, int statusCode, TimeSpan delay)
    {
        Kind = kind;
        StatusCode = statusCode;
        Delay = delay;
    }

    /// <summary>No fault: the create proceeds normally.</summary>
    public static EmbeddedCreateFault None { get; } = new(EmbeddedCreateFaultKind.None, 0, TimeSpan.Zero);

    /// <summary>What the fault does.</summary>
    public EmbeddedCreateFaultKind Kind { get; }

    /// <summary>The status of a <see cref="EmbeddedCreateFaultKind.Fail"/> fault: 500, 502 or 504.</summary>
    public int StatusCode { get; }

    /// <summary>How long a <see cref="EmbeddedCreateFaultKind.RespondLate"/> fault holds the response, on the configured <see cref="TimeProvider"/>.</summary>
    public TimeSpan Delay { get; }

    /// <summary>Fails the create with a Deltacloud error body (500 backend error, 502 provider error or 504 provider timeout); no instance is created.</summary>
    /// <param name="statusCode">500, 502 or 504.</param>
    public static EmbeddedCreateFault Fail(int statusCode)
    {
        if (statusCode is not (500 or 502 or 504))
        {
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "An injected create failure must be 500, 502 or 504.");
        }

        return new(EmbeddedCreateFaultKind.Fail, statusCode, TimeSpan.Zero);
    }

    /// <summary>Creates the instance, then holds the 201 response for <paramref name="delay"/>, so a client timeout fires after the instance exists.</summary>
    /// <param name="delay">How long to hold the response; positive.</param>
    public static EmbeddedCreateFault RespondLate(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        return new(EmbeddedCreateFaultKind.RespondLate, 0, delay);
    }
}
