namespace CloudConfig.Cache.Nats;

/// <summary>
/// One place in a dynamic pool's queue (pools bucket, key <c>s.&lt;pool token&gt;.&lt;n&gt;</c>): the entry it
/// hands out. Slots are written after their registration, in the pools bucket; a mirror may receive the slot before
/// the registration, so the slot names the registration's revision: a reader whose entries bucket has not reached it
/// yet knows the entry is still on its way, one that has reached it knows a missing entry was removed.
/// </summary>
internal sealed record SlotRecord(Guid Uuid, Guid Incarnation, ulong RegistrationRevision)
{
    public byte[] Encode() => RecordFormat.Write(RecordKind.Slot, w =>
    {
        RecordFormat.WriteGuid(w, Uuid);
        RecordFormat.WriteGuid(w, Incarnation);
        w.Write(RegistrationRevision);
    });

    public static SlotRecord Decode(byte[] bytes) =>
        RecordFormat.Read(bytes, RecordKind.Slot, r => new SlotRecord(RecordFormat.ReadGuid(r), RecordFormat.ReadGuid(r), r.ReadUInt64()));
}
