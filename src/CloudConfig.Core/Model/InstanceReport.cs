namespace CloudConfig.Core;

/// <summary>
/// What an instance reports back through <c>update_cache</c>: its address, its parameters and its status.
/// </summary>
/// <param name="Status">The instance's status.</param>
public sealed record InstanceReport(InstanceStatus Status)
{
    /// <summary>The address the instance can be reached at (the schema's <c>my_conf_addr</c>).</summary>
    /// <remarks>Reported by the instance itself, never taken from a request's source address, which is wrong behind NAT.</remarks>
    public string? Address { get; init; }

    /// <summary>The parameters the instance produced; replaces the previous map.</summary>
    public IReadOnlyDictionary<string, ParameterValue> Parameters { get; init; } = ConfigEntry.NoParameters;
}
