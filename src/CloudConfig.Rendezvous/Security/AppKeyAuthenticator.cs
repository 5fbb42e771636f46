using System.Security.Cryptography;
using System.Text;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous;

/// <summary>
/// Checks the app's <c>Bearer</c> key. The configured key is hashed once; a presented key is hashed and compared in
/// constant time, so neither its length nor its prefix leaks through timing.
/// </summary>
internal sealed class AppKeyAuthenticator
{
    private readonly byte[] _keyHash;

    public AppKeyAuthenticator(IOptions<RendezvousOptions> options) =>
        _keyHash = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ApiKey));

    public bool IsAuthorized(string? authorization)
    {
        const string Prefix = RendezvousHeaders.BearerScheme + " ";
        if (authorization is null || !authorization.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Prefix.Length..]));
        return CryptographicOperations.FixedTimeEquals(presented, _keyHash);
    }
}
