using System.Buffers;
using System.Text.Unicode;
using System.Xml;
using System.Xml.Linq;

namespace CloudConfig.Deltacloud;

/// <summary>
/// The one way this client reads XML from a server: no DTD (so no entity expansion, "billion laughs", and no
/// external entity that reads files or calls other hosts) and no resolver. A document with a DOCTYPE fails with an
/// <see cref="XmlException"/>, which callers turn into a <see cref="DeltacloudProtocolException"/>.
/// </summary>
internal static class SafeXml
{
    // Over text, XmlReader always allocates a buffer of 4,097 characters (8 KB, and the allocator's slow path), however
    // short the answer; over a seekable stream it sizes its buffers to the stream. Most answers (a created instance is
    // under 1,000 characters) are shorter than that buffer, so they are read from their UTF-8 bytes instead.
    private const int ShortAnswer = 4096;

    /// <summary>Reader settings for every server answer; whitespace between elements is dropped as XDocument.Parse does.</summary>
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
    };

    // The same settings, with the reader closing (so returning) the pooled bytes of a short answer.
    private static readonly XmlReaderSettings ClosingSettings = CloseInput(Settings);

    /// <summary>
    /// A reader over the text with its own <see cref="DeltacloudNameTable"/> (through a context, so the shared
    /// settings stay as they are). The same characters reach the reader either way: the bytes are taken only when
    /// the text converts to UTF-8 exactly and declares no other encoding, which a byte reader would obey.
    /// </summary>
    public static XmlReader CreateReader(string text)
    {
        var context = new XmlParserContext(new DeltacloudNameTable(), null, null, XmlSpace.None);
        return text.Length < ShortAnswer && DeclaresUtf8OrNothing(text) && PooledUtf8.TryCreate(text) is { } bytes
            ? XmlReader.Create(bytes, ClosingSettings, context)
            : XmlReader.Create(new StringReader(text), Settings, context);
    }

    public static XDocument Parse(string text)
    {
        using var reader = CreateReader(text);
        return XDocument.Load(reader);
    }

    /// <summary>
    /// True when the text has no XML declaration, or one whose encoding is absent or UTF-8; anything unusual is
    /// false, and the text is then read as text, as it always was.
    /// </summary>
    private static bool DeclaresUtf8OrNothing(ReadOnlySpan<char> text)
    {
        // Leading white space, a byte order mark or nothing at all: left to the text reader, as before.
        if (text.Length == 0 || text[0] != '<')
        {
            return false;
        }

        if (!text.StartsWith("<?xml", StringComparison.Ordinal))
        {
            return true;
        }

        var end = text.IndexOf("?>", StringComparison.Ordinal);
        if (text.Length == 5 || !char.IsWhiteSpace(text[5]) || end < 0)
        {
            return false;
        }

        var declaration = text[..end];
        var encoding = declaration.IndexOf("encoding", StringComparison.Ordinal);
        if (encoding < 0)
        {
            return true;
        }

        var rest = declaration[(encoding + "encoding".Length)..].TrimStart();
        if (rest.Length < 2 || rest[0] != '=')
        {
            return false;
        }

        rest = rest[1..].TrimStart();
        var quote = rest.Length > 0 ? rest[0] : '\0';
        var close = quote is '\'' or '"' ? rest[1..].IndexOf(quote) : -1;
        return close >= 0 && rest.Slice(1, close).Equals("utf-8", StringComparison.OrdinalIgnoreCase);
    }

    private static XmlReaderSettings CloseInput(XmlReaderSettings settings)
    {
        var closing = settings.Clone();
        closing.CloseInput = true;
        return closing;
    }

    /// <summary>A short answer's UTF-8 bytes in a pooled array, given back when the reader closes the stream.</summary>
    private sealed class PooledUtf8 : MemoryStream
    {
        private byte[]? _rented;

        private PooledUtf8(byte[] rented, int length)
            : base(rented, 0, length, writable: false) => _rented = rented;

        /// <summary>The bytes, or null when the text holds an unpaired surrogate (the text reader reports it as before).</summary>
        public static PooledUtf8? TryCreate(string text)
        {
            var rented = ArrayPool<byte>.Shared.Rent(text.Length * 3);
            if (Utf8.FromUtf16(text, rented, out _, out var written, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                ArrayPool<byte>.Shared.Return(rented);
                return null;
            }

            return new PooledUtf8(rented, written);
        }

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            if (Interlocked.Exchange(ref _rented, null) is { } rented)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
