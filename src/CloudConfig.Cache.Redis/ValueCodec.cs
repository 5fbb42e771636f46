using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using CloudConfig.Core;

namespace CloudConfig.Cache.Redis;

/// <summary>
/// The compact binary form of the structured fields of an entry (status, parameters, config hosts). Explicit
/// rather than JSON so that every value comes back bit for bit: numbers travel as their IEEE-754 bits (keeping
/// -0.0 and subnormals), integers as 64 bits, and text as UTF-8, or as UTF-16 when it is not well-formed
/// (a lone surrogate), which UTF-8 cannot carry.
/// The UTF-16 form is in the machine's byte order, little-endian on every platform .NET runs on.
/// </summary>
internal static class ValueCodec
{
    private const byte Utf8Text = 0;
    private const byte Utf16Text = 1;

    public static byte[] EncodeStatus(InstanceStatus status) => Encode(status, static (w, s) =>
    {
        w.Write((int)s.State);
        WriteOptional(w, s.ExitCode, static (w, v) => w.Write(v));
        w.Write(s.Detail is not null);
        if (s.Detail is not null)
        {
            WriteText(w, s.Detail);
        }

        WriteOptional(w, s.AppliedGeneration, static (w, v) => w.Write(v));
    });

    public static InstanceStatus DecodeStatus(byte[] bytes) => Decode(bytes, static r => new InstanceStatus(
        (InstanceState)r.ReadInt32(),
        r.ReadBoolean() ? r.ReadInt32() : null,
        r.ReadBoolean() ? ReadText(r) : null,
        r.ReadBoolean() ? r.ReadInt64() : null));

    public static byte[] EncodeParameters(IReadOnlyDictionary<string, ParameterValue> parameters) => Encode(parameters, static (w, map) =>
    {
        w.Write7BitEncodedInt(map.Count);
        foreach (var (key, value) in map)
        {
            WriteText(w, key);
            w.Write((byte)value.Kind);
            switch (value.Kind)
            {
                case ParameterKind.String:
                    WriteText(w, value.AsString());
                    break;
                case ParameterKind.Integer:
                    w.Write(value.AsInteger());
                    break;
                case ParameterKind.Number:
                    w.Write(BitConverter.DoubleToInt64Bits(value.AsNumber()));
                    break;
                default:
                    w.Write(value.AsBoolean());
                    break;
            }
        }
    });

    public static IReadOnlyDictionary<string, ParameterValue> DecodeParameters(byte[] bytes) => Decode(bytes, static r =>
    {
        var count = r.Read7BitEncodedInt();
        if (count == 0)
        {
            return ConfigEntry.NoParameters;
        }

        var map = new Dictionary<string, ParameterValue>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = ReadText(r);
            map[key] = (ParameterKind)r.ReadByte() switch
            {
                ParameterKind.String => ParameterValue.FromString(ReadText(r)),
                ParameterKind.Integer => ParameterValue.FromInteger(r.ReadInt64()),
                ParameterKind.Number => ParameterValue.FromNumber(BitConverter.Int64BitsToDouble(r.ReadInt64())),
                ParameterKind.Boolean => ParameterValue.FromBoolean(r.ReadBoolean()),
                var kind => throw new InvalidDataException($"Unknown parameter kind {(int)kind}."),
            };
        }

        return map.AsReadOnly();
    });

    public static byte[] EncodeHosts(IReadOnlyList<string> hosts) => Encode(hosts, static (w, list) =>
    {
        w.Write7BitEncodedInt(list.Count);
        foreach (var host in list)
        {
            WriteText(w, host);
        }
    });

    public static IReadOnlyList<string> DecodeHosts(byte[]? bytes) => bytes is null or { Length: 0 } ? [] : Decode(bytes, static r =>
    {
        var hosts = new string[r.Read7BitEncodedInt()];
        for (var i = 0; i < hosts.Length; i++)
        {
            hosts[i] = ReadText(r);
        }

        return hosts;
    });

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

    private static void WriteText(BinaryWriter writer, string text)
    {
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

    private static string ReadText(BinaryReader reader)
    {
        var kind = reader.ReadByte();
        var bytes = reader.ReadBytes(reader.Read7BitEncodedInt());
        return kind switch
        {
            Utf8Text => Encoding.UTF8.GetString(bytes),
            Utf16Text => new string(MemoryMarshal.Cast<byte, char>(bytes)),
            _ => throw new InvalidDataException($"Unknown text encoding {kind}."),
        };
    }
}
