using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>A dynamic pool (pools bucket, key <c>p.&lt;pool token&gt;</c>): its name and credential, fixed by its first registration.</summary>
internal sealed record PoolRecord(string Name, SecretHash CredentialHash)
{
    public byte[] Encode() => RecordFormat.Write(RecordKind.Pool, w =>
    {
        EntryValueCodec.WriteText(w, Name);
        RecordFormat.WriteHash(w, CredentialHash);
    });

    public static PoolRecord Decode(byte[] bytes) =>
        RecordFormat.Read(bytes, RecordKind.Pool, r => new PoolRecord(EntryValueCodec.ReadText(r), RecordFormat.ReadHash(r)));
}
