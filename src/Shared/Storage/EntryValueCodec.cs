using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;

// Shared source: compiled into each package that needs it (see the Compile items in its project), internal to
// each, so no package exposes it and none depends on another for it. Plain comments, not XML docs: one member in two
// packages' documentation files breaks tools that merge them (ASP.NET Core's OpenAPI comments fail on the duplicate).
namespace CloudConfig.Core;

// The compact binary form in which distributed caches store the structured fields of an entry (status,
// parameters, config hosts, text). Explicit rather than JSON so that every value comes back bit for bit: numbers
// travel as their IEEE-754 bits (keeping -0.0 and subnormals), integers as 64 bits, and text as UTF-8, or as
// UTF-16 when it is not well-formed (a lone surrogate), which UTF-8 cannot carry.
// A building block for IConfigCache implementations, so every backend stores the same values the
// same way. The UTF-16 form is in the machine's byte order, little-endian on every platform .NET runs on.
internal static class EntryValueCodec
{
    private const byte Utf8Text = 0;
    private const byte Utf16Text = 1;

    // Encodes a status on its own.
    public static byte[] EncodeStatus(InstanceStatus status) => Encode(status, WriteStatus);

    // Decodes what EncodeStatus wrote.
    // Throws InvalidDataException: The bytes are not an encoded status.
    public static InstanceStatus DecodeStatus(byte[] bytes) => Decode(bytes, ReadStatus);

    // Encodes a parameter map on its own.
    public static byte[] EncodeParameters(IReadOnlyDictionary<string, ParameterValue> parameters) => Encode(parameters, WriteParameters);

    // Decodes what EncodeParameters wrote.
    // Throws InvalidDataException: The bytes are not an encoded parameter map.
    public static IReadOnlyDictionary<string, ParameterValue> DecodeParameters(byte[] bytes) => Decode(bytes, ReadParameters);

    // Encodes a list of config hosts on its own.
    public static byte[] EncodeHosts(IReadOnlyList<string> hosts) => Encode(hosts, WriteHosts);

    // Decodes what EncodeHosts wrote; null or no bytes decode as no hosts. The empty list (its count, 0, alone: what
    // most entries hold, and what an instance's every fetch decodes) needs no reader.
    // Throws InvalidDataException: The bytes are not an encoded host list.
    public static IReadOnlyList<string> DecodeHosts(byte[]? bytes) => bytes is null or [] or [0] ? [] : Decode(bytes, ReadHosts);

    // DecodeHosts for bytes read in place.
    public static IReadOnlyList<string> DecodeHosts(ReadOnlySpan<byte> bytes) => bytes is [] or [0] ? [] : Decode(bytes.ToArray(), ReadHosts);

    // Writes a status.
    public static void WriteStatus(BinaryWriter writer, InstanceStatus status)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(status);
        writer.Write((int)status.State);
        WriteOptional(writer, status.ExitCode, static (w, v) => w.Write(v));
        writer.Write(status.Detail is not null);
        if (status.Detail is not null)
        {
            WriteText(writer, status.Detail);
        }

        WriteOptional(writer, status.AppliedGeneration, static (w, v) => w.Write(v));
    }

    // Reads what WriteStatus wrote.
    public static InstanceStatus ReadStatus(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return new InstanceStatus(
            (InstanceState)reader.ReadInt32(),
            reader.ReadBoolean() ? reader.ReadInt32() : null,
            reader.ReadBoolean() ? ReadText(reader) : null,
            reader.ReadBoolean() ? reader.ReadInt64() : null);
    }

    // Writes a parameter map.
    public static void WriteParameters(BinaryWriter writer, IReadOnlyDictionary<string, ParameterValue> parameters)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(parameters);
        writer.Write7BitEncodedInt(parameters.Count);
        foreach (var (key, value) in parameters)
        {
            WriteText(writer, key);
            writer.Write((byte)value.Kind);
            switch (value.Kind)
            {
                case ParameterKind.String:
                    WriteText(writer, value.AsString());
                    break;
                case ParameterKind.Integer:
                    writer.Write(value.AsInteger());
                    break;
                case ParameterKind.Number:
                    writer.Write(BitConverter.DoubleToInt64Bits(value.AsNumber()));
                    break;
                default:
                    writer.Write(value.AsBoolean());
                    break;
            }
        }
    }

    // Reads what WriteParameters wrote.
    // Throws InvalidDataException: A value has an unknown kind.
    public static IReadOnlyDictionary<string, ParameterValue> ReadParameters(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var count = reader.Read7BitEncodedInt();
        if (count == 0)
        {
            return ConfigEntry.NoParameters;
        }

        var map = new Dictionary<string, ParameterValue>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadText(reader);
            map[key] = (ParameterKind)reader.ReadByte() switch
            {
                ParameterKind.String => ParameterValue.FromString(ReadText(reader)),
                ParameterKind.Integer => ParameterValue.FromInteger(reader.ReadInt64()),
                ParameterKind.Number => ParameterValue.FromNumber(BitConverter.Int64BitsToDouble(reader.ReadInt64())),
                ParameterKind.Boolean => ParameterValue.FromBoolean(reader.ReadBoolean()),
                var kind => throw new InvalidDataException($"Unknown parameter kind {(int)kind}."),
            };
        }

        return map.AsReadOnly();
    }

    // Writes a list of config hosts.
    public static void WriteHosts(BinaryWriter writer, IReadOnlyList<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(hosts);
        writer.Write7BitEncodedInt(hosts.Count);
        foreach (var host in hosts)
        {
            WriteText(writer, host);
        }
    }

    // Reads what WriteHosts wrote.
    public static IReadOnlyList<string> ReadHosts(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var hosts = new string[reader.Read7BitEncodedInt()];
        for (var i = 0; i < hosts.Length; i++)
        {
            hosts[i] = ReadText(reader);
        }

        return hosts;
    }

    // Writes text exactly, lone surrogates included.
    public static void WriteText(BinaryWriter writer, string text)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(text);
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            if (Utf8.FromUtf16(text, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
            {
                writer.Write(Utf8Text);
                writer.Write7BitEncodedInt(written);
                writer.Write(buffer, 0, written);
                return;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        // The raw UTF-16 code units: Encoding.Unicode would replace the lone surrogate too.
        var utf16 = MemoryMarshal.AsBytes(text.AsSpan());
        writer.Write(Utf16Text);
        writer.Write7BitEncodedInt(utf16.Length);
        writer.Write(utf16);
    }

    // Reads what WriteText wrote.
    // Throws InvalidDataException: The text has an unknown encoding marker.
    public static string ReadText(BinaryReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var kind = reader.ReadByte();
        var bytes = reader.ReadBytes(reader.Read7BitEncodedInt());
        return kind switch
        {
            Utf8Text => Encoding.UTF8.GetString(bytes),
            Utf16Text => new string(MemoryMarshal.Cast<byte, char>(bytes)),
            _ => throw new InvalidDataException($"Unknown text encoding {kind}."),
        };
    }

    private static byte[] Encode<T>(T value, Action<BinaryWriter, T> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            write(writer, value);
        }

        return stream.ToArray();
    }

    private static T Decode<T>(byte[] bytes, Func<BinaryReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        using var reader = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        return read(reader);
    }

    private static void WriteOptional<T>(BinaryWriter writer, T? value, Action<BinaryWriter, T> write)
        where T : struct
    {
        writer.Write(value.HasValue);
        if (value.HasValue)
        {
            write(writer, value.Value);
        }
    }
}
