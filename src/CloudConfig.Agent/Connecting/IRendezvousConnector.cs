using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>
/// Opens the instance side of a rendezvous point at an endpoint. The agent does not know the transport: the HTTP
/// client of the rendezvous server plugs in here, and tests plug in an in-memory cache.
/// </summary>
/// <remarks>
/// The agent calls <see cref="Connect"/> once per endpoint and keeps the result. An unreachable server should
/// surface as <see cref="ConfigCacheUnavailableException"/> (or <see cref="HttpRequestException"/>,
/// <see cref="IOException"/>, <see cref="TimeoutException"/>) from the rendezvous calls: the agent retries those
/// with backoff and rotates to the next config host. <see cref="ConfigEntryNotFoundException"/> stops the agent, and so
/// does <c>RendezvousTrustException</c> (a refused server certificate), although it is a
/// <see cref="ConfigCacheUnavailableException"/>: retrying cannot change the certificate. So do
/// <c>UnsendableCredentialException</c>, <c>RendezvousResponseTooLargeException</c> and every other
/// <see cref="ConfigCacheException"/> (a refusal), which the agent never retries.
/// </remarks>
public interface IRendezvousConnector
{
    /// <summary>The rendezvous point at <paramref name="endpoint"/>; pins its certificate when the endpoint carries a fingerprint.</summary>
    IConfigRendezvous Connect(RendezvousEndpoint endpoint);
}
