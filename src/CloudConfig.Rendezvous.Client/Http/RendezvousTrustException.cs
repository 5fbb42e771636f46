using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Client;

/// <summary>
/// The rendezvous server's certificate was refused: it is not the pinned one, or (without a pin) it did not pass
/// normal validation. Never retried: a different answer would need a different server.
/// </summary>
public class RendezvousTrustException : ConfigCacheUnavailableException
{
    /// <summary>Creates the exception.</summary>
    public RendezvousTrustException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
