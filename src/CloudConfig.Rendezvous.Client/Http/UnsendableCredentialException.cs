using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Client;

/// <summary>
/// A credential that can never reach the rendezvous server: it is not printable ASCII without spaces (what an HTTP
/// header carries), or it makes the <c>Authorization</c> header longer than the server reads. Thrown before anything
/// is sent, and never retried: the same credential would fail the same way forever. The message never quotes it.
/// </summary>
public class UnsendableCredentialException : InvalidConfigInputException
{
    /// <summary>Creates the exception for the credential named <paramref name="field"/>.</summary>
    public UnsendableCredentialException(string field, string problem)
        : base(field, problem)
    {
    }
}
