using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;

namespace CloudConfig.Deltacloud.Tests.Support;

/// <summary>
/// Flattens what the client returned (a model, a list of models, or the typed exception it threw) into one
/// "path = value" line per field, so two results compare field by field and a difference names its field.
/// </summary>
internal static class ParsedShape
{
    public const string Masked = "{set}";

    public static IReadOnlyList<string> Of(object? result, string origin, IReadOnlyList<string> maskedPaths)
    {
        var lines = new List<string>();
        Walk(result, "$", lines);
        return lines.Select(line => Normalise(line, origin, maskedPaths)).ToList();
    }

    private static string Normalise(string line, string origin, IReadOnlyList<string> maskedPaths)
    {
        var split = line.IndexOf(" = ", StringComparison.Ordinal);
        var path = line[..split];
        var value = line[(split + 3)..];

        // A masked field keeps whether it was set, not what it was set to.
        if (value != "null" && maskedPaths.Any(pattern => Regex.IsMatch(path, pattern, RegexOptions.CultureInvariant)))
        {
            return $"{path} = {Masked}";
        }

        return line.Replace(origin, "{origin}", StringComparison.Ordinal);
    }

    private static void Walk(object? value, string path, List<string> lines)
    {
        switch (value)
        {
            case null:
                lines.Add($"{path} = null");
                break;
            case string or bool or int or long or Enum:
                lines.Add($"{path} = {Convert.ToString(value, CultureInfo.InvariantCulture)}");
                break;
            case DeltacloudInstanceState state:
                lines.Add($"{path} = {state.Name}");
                break;
            case AddressType type:
                lines.Add($"{path} = {type.Name}");
                break;
            case DeltacloudException error:
                // The typed outcome: which exception, with what status, kind and messages.
                lines.Add($"{path}.Type = {error.GetType().Name}");
                Walk(error.StatusCode, path + ".StatusCode", lines);
                Walk(error.ErrorKind, path + ".ErrorKind", lines);
                Walk(error.ServerMessage, path + ".ServerMessage", lines);
                Walk(error.IsTransient, path + ".IsTransient", lines);
                Walk(error.Message, path + ".Message", lines);
                break;
            case Exception other:
                lines.Add($"{path}.Type = {other.GetType().Name} (not a DeltacloudException: {other.Message})");
                break;
            case IDictionary dictionary:
                lines.Add($"{path}.Count = {dictionary.Count}");
                foreach (var key in dictionary.Keys.Cast<object>().Select(k => Convert.ToString(k, CultureInfo.InvariantCulture)!).Order(StringComparer.Ordinal))
                {
                    Walk(dictionary[key], $"{path}[{key}]", lines);
                }

                break;
            case IEnumerable sequence:
                var index = 0;
                foreach (var item in sequence)
                {
                    Walk(item, $"{path}[{index++}]", lines);
                }

                lines.Add($"{path}.Count = {index}");
                break;
            default:
                foreach (var property in value.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract")
                    .OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    Walk(property.GetValue(value), $"{path}.{property.Name}", lines);
                }

                break;
        }
    }
}
