using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Protocol;

/// <summary>What an instance receives: its configuration and generation.</summary>
public sealed record InstanceConfigurationMessage
{
    /// <summary>The entry's id.</summary>
    public required Guid Uuid { get; init; }

    /// <summary>The configuration.</summary>
    public required ConfigurationContent Configuration { get; init; }

    /// <summary>The generation.</summary>
    public required long Generation { get; init; }

    /// <summary>The domain.</summary>
    public string Domain { get; init; } = "";

    /// <summary>The cache addresses the instance may fall back to.</summary>
    public IReadOnlyList<string> ConfigHosts { get; init; } = [];

    /// <summary>The message for a configuration.</summary>
    public static InstanceConfigurationMessage From(InstanceConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new()
        {
            Uuid = configuration.Uuid,
            Configuration = configuration.Configuration,
            Generation = configuration.Generation,
            Domain = configuration.Domain,
            ConfigHosts = configuration.ConfigHosts,
        };
    }

    // Source-generated JSON sets init-only members like constructor arguments, so a member missing from the
    // body arrives as null rather than its initializer: the defaults are restored here.
    /// <summary>The configuration this message describes.</summary>
    public InstanceConfiguration ToInstanceConfiguration() =>
        new(Uuid, Configuration, Generation) { Domain = Domain ?? "", ConfigHosts = ConfigHosts ?? [] };
}
