using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// What an instance made of its entry (instances bucket, key <c>e.&lt;uuid&gt;</c>), written only where the
/// rendezvous point runs. It exists from the claim on: first contact with the boot secret, or a dynamic assignment.
/// </summary>
/// <remarks>
/// It names the registration incarnation it belongs to (a record of another incarnation counts as absent), the hash
/// of the trust key the instance registered, and for a dynamic entry its pool's key token, to find the claim again
/// on removal.
/// </remarks>
internal sealed record InstanceRecord(
    Guid Incarnation,
    SecretHash TrustKeyHash,
    string? PoolToken,
    DateTimeOffset FirstContactAt,
    DateTimeOffset LastContactAt,
    int BootSecretReplays,
    string? Address,
    InstanceStatus Status,
    IReadOnlyDictionary<string, ParameterValue> Parameters)
{
    public static InstanceRecord Claimed(Guid incarnation, SecretHash trustKeyHash, string? poolToken, DateTimeOffset now) =>
        new(incarnation, trustKeyHash, poolToken, now, now, 0, null, InstanceStatus.Registered, ConfigEntry.NoParameters);

    /// <summary>The same record contacted at <paramref name="now"/>; contact times never go backwards.</summary>
    public InstanceRecord Contacted(DateTimeOffset now) => this with { LastContactAt = now > LastContactAt ? now : LastContactAt };

    public byte[] Encode() => RecordFormat.Write(RecordKind.Instance, w =>
    {
        RecordFormat.WriteGuid(w, Incarnation);
        RecordFormat.WriteHash(w, TrustKeyHash);
        RecordFormat.WriteOptionalText(w, PoolToken);
        RecordFormat.WriteTime(w, FirstContactAt);
        RecordFormat.WriteTime(w, LastContactAt);
        w.Write(BootSecretReplays);
        RecordFormat.WriteOptionalText(w, Address);
        EntryValueCodec.WriteStatus(w, Status);
        EntryValueCodec.WriteParameters(w, Parameters);
    });

    public static InstanceRecord Decode(byte[] bytes) => RecordFormat.Read(bytes, RecordKind.Instance, r => new InstanceRecord(
        RecordFormat.ReadGuid(r),
        RecordFormat.ReadHash(r),
        RecordFormat.ReadOptionalText(r),
        RecordFormat.ReadTime(r),
        RecordFormat.ReadTime(r),
        r.ReadInt32(),
        RecordFormat.ReadOptionalText(r),
        EntryValueCodec.ReadStatus(r),
        EntryValueCodec.ReadParameters(r)));
}
