namespace CloudConfig.Cache.Nats;

/// <summary>
/// Which entry of a pool a trust key holds (instances bucket, key <c>c.&lt;pool token&gt;.&lt;trust key token&gt;</c>).
/// Created as a reservation before a slot is taken, so two concurrent claims with one trust key agree on one
/// entry: the second waits for the first's answer instead of taking a slot of its own.
/// </summary>
/// <param name="Uuid">The claimed entry; null while the claim is only reserved.</param>
/// <param name="Incarnation">The claimed registration's incarnation.</param>
/// <param name="ReservedAt">When the reservation was made; a reservation left by a crashed claimer is taken over after a while.</param>
internal sealed record ClaimRecord(Guid? Uuid, Guid Incarnation, DateTimeOffset ReservedAt)
{
    public static ClaimRecord Reserved(DateTimeOffset now) => new(null, Guid.Empty, now);

    public bool IsReserved => Uuid is null;

    public byte[] Encode() => RecordFormat.Write(RecordKind.Claim, w =>
    {
        w.Write(Uuid.HasValue);
        RecordFormat.WriteGuid(w, Uuid ?? Guid.Empty);
        RecordFormat.WriteGuid(w, Incarnation);
        RecordFormat.WriteTime(w, ReservedAt);
    });

    public static ClaimRecord Decode(byte[] bytes) => RecordFormat.Read(bytes, RecordKind.Claim, r =>
    {
        var claimed = r.ReadBoolean();
        var uuid = RecordFormat.ReadGuid(r);
        return new ClaimRecord(claimed ? uuid : null, RecordFormat.ReadGuid(r), RecordFormat.ReadTime(r));
    });
}
