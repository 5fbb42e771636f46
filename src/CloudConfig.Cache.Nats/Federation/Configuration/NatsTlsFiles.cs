namespace CloudConfig.Cache.Nats;

/// <summary>
/// TLS for one listener or one outgoing leaf connection of a generated nats-server configuration: PEM files on the
/// server's disk.
/// </summary>
public sealed record NatsTlsFiles
{
    /// <summary>The certificate this server presents (required on a listener; on a leaf remote, a client certificate).</summary>
    public string? CertificateFile { get; init; }

    /// <summary>The private key of <see cref="CertificateFile"/>.</summary>
    public string? KeyFile { get; init; }

    /// <summary>The CA bundle that verifies the other side (on a leaf remote: the hub's certificate).</summary>
    public string? CaFile { get; init; }

    /// <summary>On a listener: require and verify client certificates against <see cref="CaFile"/>.</summary>
    public bool VerifyClients { get; init; }
}
