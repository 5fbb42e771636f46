using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Client;

/// <summary>
/// The rendezvous server accepted the request but its answer is over the client's
/// <see cref="RendezvousInstanceClientOptions.MaxResponseBytes"/>: it was refused without being read whole (or
/// buffered), and nothing in it is used. Never retried: the same answer would come again.
/// </summary>
public class RendezvousResponseTooLargeException : ConfigCacheException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="limit">The limit in bytes.</param>
    /// <param name="generation">The configuration generation the server named in its <c>ETag</c>, when it did.</param>
    public RendezvousResponseTooLargeException(long limit, long? generation)
        : base($"The rendezvous server's answer is over the limit of {limit} bytes; it was refused without being read.")
    {
        Limit = limit;
        Generation = generation;
    }

    /// <summary>The limit in bytes.</summary>
    public long Limit { get; }

    /// <summary>The configuration generation the server named in its <c>ETag</c>, when it did.</summary>
    public long? Generation { get; }
}
