using System.Text;
using System.Xml;

namespace CloudConfig.Deltacloud;

/// <summary>Moving through children and reading text, with the rules LINQ to XML applied.</summary>
internal static partial class XmlInstanceReader
{
    /// <summary>Steps into the current element; false (and past it) when it is empty.</summary>
    private static bool EnterChildren(XmlReader reader)
    {
        var empty = reader.IsEmptyElement;
        reader.Read();
        return !empty;
    }

    /// <summary>Moves to the next child element, skipping other nodes; at the parent's end, steps past it and says false.</summary>
    private static bool NextChild(XmlReader reader)
    {
        while (true)
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    return true;
                case XmlNodeType.EndElement:
                    reader.Read();
                    return false;
                case XmlNodeType.None:
                    throw new XmlException("The document ended inside an element.");
                default:
                    reader.Skip();
                    break;
            }
        }
    }

    private static bool IsPlain(XmlReader r, string localName) =>
        r.NodeType == XmlNodeType.Element && r.NamespaceURI.Length == 0 && r.LocalName == localName;

    private static string? Text(XmlReader r)
    {
        var value = Content(r);
        return value.Length == 0 ? null : value;
    }

    /// <summary>All text inside the current element (CDATA and nested elements' text included), trimmed; consumes the element.</summary>
    private static string Content(XmlReader reader)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return string.Empty;
        }

        var depth = reader.Depth;
        string? single = null;
        StringBuilder? many = null;
        reader.Read();
        while (!(reader.NodeType == XmlNodeType.EndElement && reader.Depth == depth))
        {
            if (reader.NodeType is XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace)
            {
                if (single is null && many is null)
                {
                    single = reader.Value;
                }
                else
                {
                    (many ??= new StringBuilder(single)).Append(reader.Value);
                }
            }

            reader.Read();
        }

        reader.Read();
        return (many?.ToString() ?? single ?? string.Empty).Trim();
    }
}
