namespace CloudConfig.Rendezvous.Protocol;

/// <summary>
/// The <c>Authorization</c> schemes of the rendezvous API. Credentials travel only in that header, never in a URL.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>CloudConfig-Boot &lt;bootSecret&gt; &lt;trustKey&gt;</c>: an instance's first contact.</item>
/// <item><c>CloudConfig-Trust &lt;trustKey&gt;</c>: every later instance call.</item>
/// <item><c>CloudConfig-Pool &lt;poolCredential&gt; &lt;trustKey&gt;</c>: <c>assign_dynamic</c>.</item>
/// <item><c>Bearer &lt;apiKey&gt;</c>: the app's calls.</item>
/// </list>
/// </remarks>
public static class RendezvousHeaders
{
    /// <summary>The header every credential travels in.</summary>
    public const string Authorization = "Authorization";

    /// <summary>First contact: boot secret and the agent's new trust key.</summary>
    public const string BootScheme = "CloudConfig-Boot";

    /// <summary>Later contacts: the trust key.</summary>
    public const string TrustScheme = "CloudConfig-Trust";

    /// <summary>Dynamic assignment: the pool credential and the agent's new trust key.</summary>
    public const string PoolScheme = "CloudConfig-Pool";

    /// <summary>The app's API key.</summary>
    public const string BearerScheme = "Bearer";

    /// <summary>
    /// The longest <c>Authorization</c> header the server reads, in characters; a longer one is refused as malformed.
    /// Clients check it before sending, so a credential that can never be accepted fails at once instead of retrying.
    /// </summary>
    public const int MaxAuthorizationLength = 1024;

    /// <summary>The media type of every JSON body.</summary>
    public const string JsonMediaType = "application/json";

    /// <summary>The media type of error bodies (RFC 7807).</summary>
    public const string ProblemMediaType = "application/problem+json";

    /// <summary>The strong entity tag of a configuration generation, as the server sends it in <c>ETag</c>.</summary>
    public static string ETagFor(long generation) => $"\"g{generation}\"";
}
