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
    /// <summary>Reader settings for every server answer; whitespace between elements is dropped as XDocument.Parse does.</summary>
    public static XmlReaderSettings Settings { get; } = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreWhitespace = true,
    };

    /// <summary>A reader over the text with its own <see cref="DeltacloudNameTable"/>, through a context so the shared settings stay as they are.</summary>
    public static XmlReader CreateReader(string text) =>
        XmlReader.Create(new StringReader(text), Settings, new XmlParserContext(new DeltacloudNameTable(), null, null, XmlSpace.None));

    public static XDocument Parse(string text)
    {
        using var reader = CreateReader(text);
        return XDocument.Load(reader);
    }
}
