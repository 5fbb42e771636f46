namespace CloudConfig.Cache.Nats;

/// <summary>One key as a bucket holds it now.</summary>
/// <param name="Value">The value, or null when the key has no value (never written, deleted or purged).</param>
/// <param name="Revision">The revision of the value or of the removal marker; 0 when the key was never written.</param>
/// <param name="WasRemoved">Whether the key's latest record is a removal marker.</param>
internal readonly record struct KvRead(byte[]? Value, ulong Revision, bool WasRemoved)
{
    public static KvRead Missing { get; } = new(null, 0, false);

    public bool Exists => Value is not null;
}
