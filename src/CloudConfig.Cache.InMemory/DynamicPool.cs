using System.Collections.Concurrent;
using CloudConfig.Core;

namespace CloudConfig.Cache.InMemory;

/// <summary>
/// One dynamic pool: its credential and the uuids waiting to be handed out, in registration order. Handing out is
/// a dequeue, so it costs the same with a thousand entries or a million. Entries removed while waiting are
/// skipped when they reach the front rather than searched for.
/// </summary>
internal sealed class DynamicPool(SecretHash credential)
{
    private readonly ConcurrentQueue<Guid> _waiting = new();

    public SecretHash Credential { get; } = credential;

    /// <summary>Which entry each trust key claimed, so a claim retried after a lost answer gets the same entry.</summary>
    public ConcurrentDictionary<SecretHash, Guid> Claims { get; } = new();

    public void Add(Guid uuid) => _waiting.Enqueue(uuid);

    public bool TryTakeNext(out Guid uuid) => _waiting.TryDequeue(out uuid);
}
