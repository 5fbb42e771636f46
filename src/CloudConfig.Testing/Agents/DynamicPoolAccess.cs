using CloudConfig.Core;

namespace CloudConfig.Testing;

/// <summary>
/// What an image built for dynamic pools carries instead of user data: where the rendezvous server is, the pool's
/// name and its credential. An instance started without user data claims the next entry of this pool.
/// </summary>
/// <param name="RendezvousAddress">The rendezvous server's address (<c>host:port</c> or a URL).</param>
/// <param name="Pool">The dynamic pool to claim from.</param>
/// <param name="Credential">The pool credential.</param>
public sealed record DynamicPoolAccess(string RendezvousAddress, string Pool, Secret Credential);
