namespace CloudConfig.Rendezvous.Protocol;

/// <summary>
/// An RFC 7807 problem (<c>application/problem+json</c>). Its <c>type</c> is a stable URN naming the kind
/// (<see cref="RendezvousProblemKinds"/>), which clients map back to the Core exceptions.
/// </summary>
public sealed record ProblemMessage
{
    /// <summary>The problem type: <c>urn:cloudconfig:problem:</c> and the kind.</summary>
    public required string Type { get; init; }

    /// <summary>A short, fixed summary of the kind.</summary>
    public required string Title { get; init; }

    /// <summary>The HTTP status code.</summary>
    public required int Status { get; init; }

    /// <summary>What went wrong; never a secret.</summary>
    public string? Detail { get; init; }

    /// <summary>The kind: <c>type</c> without its prefix.</summary>
    public required string ErrorKind { get; init; }

    /// <summary>For invalid input: the field refused.</summary>
    public string? Field { get; init; }

    /// <summary>For invalid input: why the field was refused.</summary>
    public string? Problem { get; init; }

    /// <summary>For a too-large configuration or a full cache: the limit.</summary>
    public long? Limit { get; init; }

    /// <summary>For a too-large configuration: its size.</summary>
    public long? Size { get; init; }

    /// <summary>For a duplicate registration: the uuid.</summary>
    public Guid? Uuid { get; init; }

    /// <summary>For an exhausted pool: its name.</summary>
    public string? Pool { get; init; }

    /// <summary>For a refusal: the cache's reason, a stable token (for example <c>read-only-site</c>).</summary>
    public string? Reason { get; init; }
}
