using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// A registry write (<c>pre_register</c>, a configuration update, a removal) reached a cloud site of a federation,
/// where registrations are only read from a mirror: they are written on premises, through the
/// <see cref="FederatedConfigRegistry"/>. Nothing changed.
/// </summary>
public class NatsReadOnlySiteException : ConfigCacheException
{
    /// <summary>Creates the exception for an operation.</summary>
    public NatsReadOnlySiteException(string operation)
        : base($"{operation} is refused here: this cloud site reads registrations from its on-premises site, where they are written.")
    {
        Operation = operation;
    }

    /// <summary>The refused operation.</summary>
    public string Operation { get; }
}
