namespace CloudConfig.Cache.Nats;

/// <summary>
/// A position in a pool's queue: the next slot to hand out (instances bucket, <c>h.&lt;pool token&gt;</c>, moved
/// only by compare-and-swap: that swap is the "first come, first served" decision) or a hint of the next slot to
/// fill (pools bucket, <c>t.&lt;pool token&gt;</c>; creating the slot decides, the hint only saves probing).
/// </summary>
internal readonly record struct CounterRecord(long Next)
{
    public byte[] Encode()
    {
        var next = Next;
        return RecordFormat.Write(RecordKind.Counter, w => w.Write(next));
    }

    public static CounterRecord Decode(byte[] bytes) => RecordFormat.Read(bytes, RecordKind.Counter, r => new CounterRecord(r.ReadInt64()));
}
