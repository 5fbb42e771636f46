using System.Text;
using CloudConfig.Core;

namespace CloudConfig.Cache.Nats;

/// <summary>
/// The binary frame every stored record shares: a kind byte (so a value read under the wrong key fails loudly
/// instead of decoding as garbage), then the record's fields in <see cref="EntryValueCodec"/>'s exact encodings.
/// </summary>
internal static class RecordFormat
{
    public static byte[] Write(RecordKind kind, Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write((byte)kind);
            write(writer);
        }

        return stream.ToArray();
    }

    /// <exception cref="ConfigCacheException">The bytes are not a record of this kind (something else wrote into the bucket).</exception>
    public static T Read<T>(byte[] bytes, RecordKind kind, Func<BinaryReader, T> read)
    {
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        try
        {
            if (reader.ReadByte() != (byte)kind)
            {
                throw new InvalidDataException($"The first byte is not the {kind} kind.");
            }

            return read(reader);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentException or DecoderFallbackException)
        {
            // The buckets hold only what this package writes: anything else is damage, reported as a cache error.
            throw new ConfigCacheException($"A stored {kind} record is corrupt or was not written by CloudConfig.", e);
        }
    }

    public static void WriteTime(BinaryWriter writer, DateTimeOffset at) => writer.Write(at.UtcTicks);

    public static DateTimeOffset ReadTime(BinaryReader reader) => new(reader.ReadInt64(), TimeSpan.Zero);

    public static void WriteGuid(BinaryWriter writer, Guid value) => writer.Write(value.ToByteArray());

    public static Guid ReadGuid(BinaryReader reader) => new(reader.ReadBytes(16));

    public static void WriteOptionalText(BinaryWriter writer, string? text)
    {
        writer.Write(text is not null);
        if (text is not null)
        {
            EntryValueCodec.WriteText(writer, text);
        }
    }

    public static string? ReadOptionalText(BinaryReader reader) => reader.ReadBoolean() ? EntryValueCodec.ReadText(reader) : null;

    public static void WriteHash(BinaryWriter writer, SecretHash hash) => EntryValueCodec.WriteText(writer, hash.ToString());

    public static SecretHash ReadHash(BinaryReader reader) =>
        SecretHash.TryParse(EntryValueCodec.ReadText(reader), out var hash) ? hash : throw new InvalidDataException("A stored secret hash is malformed.");
}

/// <summary>The kinds of stored records; the first byte of each value.</summary>
internal enum RecordKind : byte
{
    Registration = 1,
    Instance = 2,
    Pool = 3,
    Slot = 4,
    Counter = 5,
    Claim = 6,
}
