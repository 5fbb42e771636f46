using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// A registry write (<c>pre_register</c>, a configuration update, a removal) reached a cloud site of a federation,
/// where registrations are only read from a mirror: they are written on premises, through the
/// <see cref="FederatedConfigRegistry"/>. Nothing changed. Its <see cref="ConfigCacheRefusedException.Reason"/> is
/// <see cref="ReadOnlySite"/>; a rendezvous server over the site answers it 409 (problem kind <c>refused</c>).
/// </summary>
public class NatsReadOnlySiteException : ConfigCacheRefusedException
{
    /// <summary>The refusal's reason: <c>read-only-site</c>.</summary>
    public const string ReadOnlySite = "read-only-site";

    /// <summary>Creates the exception for an operation.</summary>
    public NatsReadOnlySiteException(string operation)
        : base(ReadOnlySite, $"{operation} is refused here: this cloud site reads registrations from its on-premises site, where they are written.")
    {
        Operation = operation;
    }

    /// <summary>The refused operation.</summary>
    public string Operation { get; }
}
