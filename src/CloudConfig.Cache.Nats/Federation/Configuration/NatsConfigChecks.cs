namespace CloudConfig.Cache.Nats;

/// <summary>Checks and pieces shared by the configuration generators.</summary>
internal static class NatsConfigChecks
{
    public static void Name(string what, string value)
    {
        if (!NatsNames.IsValid(value))
        {
            throw new ArgumentException($"{what} must be 1 to {NatsNames.MaxLength} letters, digits, '-' or '_' (was '{value}').", what);
        }
    }

    public static void WriteTls(NatsConfigText text, NatsTlsFiles tls)
    {
        if (tls.CertificateFile is not null)
        {
            text.Value("cert_file", tls.CertificateFile);
        }

        if (tls.KeyFile is not null)
        {
            text.Value("key_file", tls.KeyFile);
        }

        if (tls.CaFile is not null)
        {
            text.Value("ca_file", tls.CaFile);
        }

        if (tls.VerifyClients)
        {
            text.Raw("verify", "true");
        }
    }
}
