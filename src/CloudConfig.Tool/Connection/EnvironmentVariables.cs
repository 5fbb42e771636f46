namespace CloudConfig.Tool;

/// <summary>The environment variables the tool reads; an option on the command line wins over each.</summary>
internal static class EnvironmentVariables
{
    /// <summary>The server's base URL (<c>--server</c>).</summary>
    public const string Server = "CLOUDCONFIG_SERVER";

    /// <summary>The API key itself.</summary>
    public const string ApiKey = "CLOUDCONFIG_API_KEY";

    /// <summary>A file holding the API key (<c>--api-key-file</c>); wins over <see cref="ApiKey"/>.</summary>
    public const string ApiKeyFile = "CLOUDCONFIG_API_KEY_FILE";

    /// <summary>The server certificate's fingerprint to pin (<c>--server-fingerprint</c>).</summary>
    public const string ServerFingerprint = "CLOUDCONFIG_SERVER_FINGERPRINT";

    /// <summary>The address agents dial, written into boot strings (<c>register --rendezvous-address</c>).</summary>
    public const string RendezvousAddress = "CLOUDCONFIG_RENDEZVOUS_ADDRESS";
}
