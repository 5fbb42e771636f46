using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;

namespace CloudConfig.Rendezvous.Client;

/// <summary>
/// Builds an instance's <c>Authorization</c> header, refusing before sending what the server could never accept:
/// HTTP header values are ASCII, the schemes separate secrets with single spaces, and the server reads at most
/// <see cref="RendezvousHeaders.MaxAuthorizationLength"/> characters.
/// </summary>
internal static class CredentialHeader
{
    public static string Build(string scheme, params ReadOnlySpan<(string Field, Secret Secret)> credentials)
    {
        var length = scheme.Length;
        foreach (var (field, secret) in credentials)
        {
            var text = secret.Reveal();
            foreach (var c in text)
            {
                if (c is < '!' or > '~')
                {
                    throw new UnsendableCredentialException(field, "cannot be sent in an HTTP header: it must be printable ASCII without spaces or control characters.");
                }
            }

            length += 1 + text.Length;
        }

        if (length > RendezvousHeaders.MaxAuthorizationLength)
        {
            var field = credentials.Length > 0 ? credentials[0].Field : "credential";
            throw new UnsendableCredentialException(field, $"is too long: the Authorization header would be {length} characters, over the server's limit of {RendezvousHeaders.MaxAuthorizationLength}.");
        }

        var parts = new string[credentials.Length + 1];
        parts[0] = scheme;
        for (var i = 0; i < credentials.Length; i++)
        {
            parts[i + 1] = credentials[i].Secret.Reveal();
        }

        return string.Join(' ', parts);
    }
}
