using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Protocol;

/// <summary>The body that replaces an entry's configuration.</summary>
public sealed record UpdateConfigurationMessage
{
    /// <summary>The new configuration.</summary>
    public required ConfigurationContent Configuration { get; init; }
}
