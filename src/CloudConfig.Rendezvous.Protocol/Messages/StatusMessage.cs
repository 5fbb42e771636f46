using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Protocol;

/// <summary>An instance's status on the wire.</summary>
public sealed record StatusMessage
{
    /// <summary>The state.</summary>
    public required InstanceState State { get; init; }

    /// <summary>The applier's exit code.</summary>
    public int? ExitCode { get; init; }

    /// <summary>The tail of the applier's output.</summary>
    public string? Detail { get; init; }

    /// <summary>The generation the state refers to.</summary>
    public long? AppliedGeneration { get; init; }

    /// <summary>The message for a status.</summary>
    public static StatusMessage From(InstanceStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new() { State = status.State, ExitCode = status.ExitCode, Detail = status.Detail, AppliedGeneration = status.AppliedGeneration };
    }

    /// <summary>The status this message describes.</summary>
    public InstanceStatus ToStatus() => new(State, ExitCode, Detail, AppliedGeneration);
}
