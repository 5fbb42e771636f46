using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>An entry as the app sees it: its registration joined with what its instance did, when that belongs to it.</summary>
internal static class EntryView
{
    public static ConfigEntry Of(Guid uuid, RegistrationRecord registration, InstanceRecord? instance)
    {
        var entry = new ConfigEntry
        {
            Uuid = uuid,
            Configuration = registration.Configuration,
            Generation = registration.Generation,
            Domain = registration.Domain,
            ConfigHosts = registration.ConfigHosts,
            DynamicPool = registration.Pool,
            CreatedAt = registration.CreatedAt,
        };
        return Belongs(registration, instance)
            ? entry with
            {
                Address = instance.Address,
                Status = instance.Status,
                Parameters = instance.Parameters,
                IsClaimed = true,
                BootSecretReplays = instance.BootSecretReplays,
                FirstContactAt = instance.FirstContactAt,
                LastContactAt = instance.LastContactAt,
            }
            : entry;
    }

    /// <summary>Whether an instance record is this registration's (not left over from an earlier one of the same uuid).</summary>
    public static bool Belongs(RegistrationRecord registration, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] InstanceRecord? instance) =>
        instance is not null && instance.Incarnation == registration.Incarnation;
}
