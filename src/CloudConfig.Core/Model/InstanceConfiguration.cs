namespace CloudConfig.Core;

/// <summary>What an instance receives when it fetches its configuration or is assigned a dynamic entry.</summary>
/// <param name="Uuid">The entry's id (for a dynamic assignment, the one the instance was given).</param>
/// <param name="Configuration">The configuration to apply.</param>
/// <param name="Generation">The configuration's generation.</param>
public sealed record InstanceConfiguration(Guid Uuid, ConfigurationContent Configuration, long Generation)
{
    /// <summary>The domain of the entry.</summary>
    public string Domain { get; init; } = "";

    /// <summary>The cache addresses the instance may fall back to.</summary>
    public IReadOnlyList<string> ConfigHosts { get; init; } = [];
}
