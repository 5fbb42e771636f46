namespace CloudConfig.Core;

/// <summary>The cloud's view of an instance.</summary>
/// <param name="InstanceId">The cloud's id for the instance.</param>
/// <param name="State">The cloud's state name, for example <c>PENDING</c> or <c>RUNNING</c>; unknown names are kept as they are.</param>
public sealed record LaunchedInstance(string InstanceId, string State)
{
    /// <summary>The instance's name.</summary>
    public string? Name { get; init; }

    /// <summary>Public addresses.</summary>
    public IReadOnlyList<string> PublicAddresses { get; init; } = [];

    /// <summary>Private addresses.</summary>
    public IReadOnlyList<string> PrivateAddresses { get; init; } = [];
}
