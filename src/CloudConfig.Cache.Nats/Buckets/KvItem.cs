namespace CloudConfig.Cache.Nats;

/// <summary>One key with its value, as a listing or a watch delivers it.</summary>
/// <param name="Key">The key.</param>
/// <param name="Value">The value; null for a removal, or when only metadata was asked for.</param>
/// <param name="Revision">The revision.</param>
/// <param name="WasRemoved">Whether this is a removal marker.</param>
/// <param name="Written">When the server stored it.</param>
internal readonly record struct KvItem(string Key, byte[]? Value, ulong Revision, bool WasRemoved, DateTimeOffset Written);
