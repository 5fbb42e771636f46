namespace CloudConfig.Deltacloud.Tests.Support;

/// <summary>
/// One row of the parity table: a recorded exchange, the client call that sends that request, the recorded
/// requests that must have happened first (so the embedded cloud is in the recorded state), and the fields whose
/// values legitimately differ between the two servers (masked to "set or not").
/// </summary>
internal sealed record ParityCase(string Recording, string What, Func<ParityTarget, Task<object?>> Call)
{
    public IReadOnlyList<string> Setup { get; init; } = [];

    /// <summary>Regular expressions over field paths such as <c>$[4].Name</c>.</summary>
    public IReadOnlyList<string> Masked { get; init; } = [];

    public override string ToString() => $"{Recording} {What}";
}
