using CloudConfig.Core;

namespace CloudConfig.Samples.Shared;

/// <summary>What an image built for flow (c) carries: where the rendezvous point is, the pool's name and its credential.</summary>
/// <param name="RendezvousAddress">The rendezvous point's address (<c>host:port</c>).</param>
/// <param name="Pool">The dynamic pool to claim from.</param>
/// <param name="Credential">The pool credential.</param>
public sealed record DynamicPoolAccess(string RendezvousAddress, string Pool, Secret Credential);
