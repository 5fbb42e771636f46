using System.Collections.Concurrent;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// The registrations this process decoded last, by uuid and revision, so that the instances' repeated fetches of an
/// unchanged entry skip decoding it again. Every fetch still reads the entry from the server: only identical bytes
/// (the same revision of the same key; revisions are never reused) are taken from here.
/// </summary>
/// <remarks>Bounded: records over <see cref="MaxRecordBytes"/> are not kept, and past <see cref="ByteBudget"/> it starts over.</remarks>
internal sealed class DecodedRegistrations
{
    public const int MaxRecordBytes = 64 * 1024;
    public const long ByteBudget = 16 * 1024 * 1024;

    private readonly ConcurrentDictionary<Guid, Decoded> _decoded = new();
    private long _bytes;

    /// <summary>The registration in <paramref name="read"/>, which must hold a value.</summary>
    public RegistrationRecord Decode(Guid uuid, KvRead read)
    {
        if (_decoded.TryGetValue(uuid, out var known) && known.Revision == read.Revision)
        {
            return known.Record;
        }

        var record = RegistrationRecord.Decode(read.Value!);
        if (read.Value!.Length <= MaxRecordBytes)
        {
            if (Interlocked.Add(ref _bytes, read.Value.Length) > ByteBudget)
            {
                _decoded.Clear();
                Interlocked.Exchange(ref _bytes, read.Value.Length);
            }

            _decoded[uuid] = new Decoded(read.Revision, record);
        }

        return record;
    }

    private sealed record Decoded(ulong Revision, RegistrationRecord Record);
}
