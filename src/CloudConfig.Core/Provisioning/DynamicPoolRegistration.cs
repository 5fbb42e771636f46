namespace CloudConfig.Core;

/// <summary>
/// A registered dynamic pool (flow c): its name, the credential instances present to claim entries from it, and
/// the entries in the order they are handed out.
/// </summary>
/// <param name="Pool">The pool's name.</param>
/// <param name="Credential">The pool credential: give it to the image or the agent's settings, never to a log.</param>
/// <param name="Uuids">The entries, in the order <c>assign_dynamic</c> hands them out.</param>
public sealed record DynamicPoolRegistration(string Pool, Secret Credential, IReadOnlyList<Guid> Uuids);
