namespace CloudConfig.Core;

/// <summary>
/// An instance's reported status: its state, and for a finished run the exit code, the tail of the output and
/// the configuration generation it applied.
/// </summary>
/// <param name="State">The state.</param>
/// <param name="ExitCode">The applier's exit code, once it has finished.</param>
/// <param name="Detail">Free text, typically the tail of the applier's output.</param>
/// <param name="AppliedGeneration">The configuration generation the state refers to.</param>
public sealed record InstanceStatus(
    InstanceState State,
    int? ExitCode = null,
    string? Detail = null,
    long? AppliedGeneration = null)
{
    /// <summary>The status of an entry nobody has reported on.</summary>
    public static InstanceStatus Registered { get; } = new(InstanceState.Registered);
}
