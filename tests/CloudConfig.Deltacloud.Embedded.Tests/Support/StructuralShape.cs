using System.Text.Json;
using System.Xml.Linq;

namespace CloudConfig.Deltacloud.Embedded.Tests;

/// <summary>
/// The structure of a body without its values: for XML, every element path and attribute name; for JSON,
/// every property path with its value type, arrays merged over their items. Ids, hrefs, timestamps and
/// other values that legitimately differ between two servers drop out; names, nesting and types remain.
/// </summary>
internal static class StructuralShape
{
    public static SortedSet<string> OfXml(string xml) => OfXml(XDocument.Parse(xml).Root!);

    public static SortedSet<string> OfXml(XElement root)
    {
        var shape = new SortedSet<string>(StringComparer.Ordinal);
        Walk(root, root.Name.LocalName, shape);
        return shape;
    }

    public static SortedSet<string> OfJson(string json)
    {
        using var document = JsonDocument.Parse(json);
        return OfJson(document.RootElement);
    }

    public static SortedSet<string> OfJson(JsonElement root)
    {
        var shape = new SortedSet<string>(StringComparer.Ordinal);
        Walk(root, "$", shape);
        return shape;
    }

    /// <summary>What one shape has that the other lacks, for a readable assertion message.</summary>
    public static string Difference(SortedSet<string> expected, SortedSet<string> actual) =>
        "missing: [" + string.Join(", ", expected.Except(actual)) + "]; unexpected: [" + string.Join(", ", actual.Except(expected)) + "]";

    private static void Walk(XElement element, string path, SortedSet<string> shape)
    {
        shape.Add(path);
        foreach (var attribute in element.Attributes())
        {
            shape.Add(path + "/@" + attribute.Name.LocalName);
        }

        foreach (var child in element.Elements())
        {
            Walk(child, path + "/" + child.Name.LocalName, shape);
        }
    }

    private static void Walk(JsonElement element, string path, SortedSet<string> shape)
    {
        shape.Add(path + ":" + element.ValueKind switch
        {
            JsonValueKind.True or JsonValueKind.False => "boolean",
            _ => element.ValueKind.ToString().ToLowerInvariant(),
        });
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    Walk(property.Value, path + "." + property.Name, shape);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path + "[]", shape);
                }

                break;
            default:
                break;
        }
    }
}
