using System.Collections.Concurrent;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// What this process last wrote or read of each instance's trust key binding, so that a trusted fetch whose contact
/// was recorded a moment ago needs one read (the registration) instead of a read and a write of the instance record.
/// </summary>
/// <remarks>
/// Sound because a binding never changes within a registration's incarnation: the trust key is set by the claim and
/// every later write keeps it, and a registration removed and made again has a new incarnation, which the fetch reads
/// first. So a remembered binding can only be current or ignored. Bounded: at <see cref="Capacity"/> it starts over.
/// </remarks>
internal sealed class TrustBindings(TimeSpan contactWriteInterval)
{
    /// <summary>The most bindings kept (about 100 bytes each).</summary>
    public const int Capacity = 100_000;

    private readonly ConcurrentDictionary<Guid, Binding> _bindings = new();

    /// <summary>
    /// Whether <paramref name="presented"/> is the remembered trust key of this incarnation of the entry, with a contact
    /// recorded less than the interval before <paramref name="now"/>: then the fetch needs to write nothing.
    /// </summary>
    public bool CoversContact(Guid uuid, RegistrationRecord registration, SecretHash presented, DateTimeOffset now) =>
        _bindings.TryGetValue(uuid, out var binding)
        && binding.Incarnation == registration.Incarnation
        && now - binding.RecordedContactAt < contactWriteInterval
        && presented.Equals(binding.TrustKeyHash);

    /// <summary>Remembers a record this process has just written or read at its latest revision.</summary>
    public void Remember(Guid uuid, InstanceRecord record)
    {
        if (contactWriteInterval <= TimeSpan.Zero)
        {
            return;
        }

        if (_bindings.Count >= Capacity)
        {
            _bindings.Clear();
        }

        _bindings[uuid] = new Binding(record.Incarnation, record.TrustKeyHash, record.LastContactAt);
    }

    private sealed record Binding(Guid Incarnation, SecretHash TrustKeyHash, DateTimeOffset RecordedContactAt);
}
