using CloudConfig.Core;

namespace CloudConfig.Samples.Shared;

/// <summary>One configured instance, as the samples print it.</summary>
/// <param name="Uuid">The entry's uuid.</param>
/// <param name="InstanceId">The cloud's instance id.</param>
/// <param name="Entry">The entry as the app read it back.</param>
public sealed record InstanceRow(Guid Uuid, string InstanceId, ConfigEntry Entry)
{
    /// <summary>The parameters as <c>key=value</c> text, sorted by key.</summary>
    public string ParameterText => string.Join(" ", Entry.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    /// <summary>The parameter "role", or "?".</summary>
    public string Role => Entry.Parameters.TryGetValue("role", out var role) ? role.ToString() : "?";
}
