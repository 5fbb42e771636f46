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
    // Striped rather than one lock per trust key, so the gates cost the same however many agents ever claimed.
    private const int GateCount = 64;

    private readonly ConcurrentQueue<Guid> _waiting = new();
    private readonly Lock[] _claimGates = CreateGates();

    public SecretHash Credential { get; } = credential;

    /// <summary>Which entry each trust key claimed, so a claim retried after a lost answer gets the same entry.</summary>
    public ConcurrentDictionary<SecretHash, Guid> Claims { get; } = new();

    public void Add(Guid uuid) => _waiting.Enqueue(uuid);

    public bool TryTakeNext(out Guid uuid) => _waiting.TryDequeue(out uuid);

    /// <summary>
    /// The gate a claim holds from "has this trust key claimed already?" to recording its claim, so retries of one
    /// agent's claim that arrive together cannot each take an entry. Claims by other trust keys mostly pass other gates.
    /// </summary>
    public Lock ClaimGateFor(SecretHash trustKey) => _claimGates[(trustKey.GetHashCode() & int.MaxValue) % GateCount];

    private static Lock[] CreateGates()
    {
        var gates = new Lock[GateCount];
        for (var i = 0; i < gates.Length; i++)
        {
            gates[i] = new Lock();
        }

        return gates;
    }
}
