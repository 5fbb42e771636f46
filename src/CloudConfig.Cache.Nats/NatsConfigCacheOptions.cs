using NATS.Client.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>Options for <see cref="NatsConfigCache"/>.</summary>
public sealed class NatsConfigCacheOptions : NatsStoreOptions
{
    /// <summary>
    /// The NATS server URL (for example <c>nats://127.0.0.1:4222</c>; several comma-separated for a cluster). Set
    /// this or <see cref="Connection"/>, not both.
    /// </summary>
    public string? Url { get; set; }

    /// <summary>The user to connect as, if the server requires one.</summary>
    public string? Username { get; set; }

    /// <summary>The user's password. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>
    /// An existing connection to share with the rest of the app; the cache never disposes it. Set this or
    /// <see cref="Url"/>, not both.
    /// </summary>
    public INatsConnection? Connection { get; set; }

    /// <summary>Adjusts the client options of a connection the cache makes (TLS, a credentials file, ...).</summary>
    public Func<NatsOpts, NatsOpts>? ConfigureConnection { get; set; }

    /// <summary>
    /// Makes this cache a cloud site of a federation: the JetStream domain of the on-premises server, whose entries
    /// and pools this site reads from local read-only mirrors, while it writes what instances do (claims, reports,
    /// contacts) into its own instances bucket, which the on-premises site mirrors. Registry writes
    /// (<c>pre_register</c>, updates, removals) then throw <see cref="NatsReadOnlySiteException"/>: they belong on
    /// premises. Null (the default) for a single site holding every bucket.
    /// </summary>
    public string? OnPremisesDomain { get; set; }

    /// <summary>
    /// A trusted fetch records the instance's contact (a write of its instance record, mirrored on premises in a
    /// federation) only when this process recorded none for it within this interval; so an entry's
    /// <c>LastContactAt</c> may be up to this much older than its latest fetch (reports and claims are always
    /// recorded). Zero records every fetch. Default 5 seconds.
    /// </summary>
    public TimeSpan ContactWriteInterval { get; set; } = TimeSpan.FromSeconds(5);
}
