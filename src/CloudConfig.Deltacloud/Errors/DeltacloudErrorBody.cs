using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CloudConfig.Deltacloud;

/// <summary>
/// Reads the server's error kind and message from whatever an error body is: Deltacloud XML or JSON, plain text
/// (missing required parameter), HTML (unknown route) or nothing (406). Never reads the backtrace.
/// </summary>
internal readonly record struct DeltacloudErrorBody(string? Kind, string? Message)
{
    private const string KindPrefix = "Deltacloud::Exceptions::";

    public static DeltacloudErrorBody Parse(string? body)
    {
        var text = body?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return default;
        }

        try
        {
            if (text[0] == '{')
            {
                return FromJson(text);
            }

            if (LooksLikeHtml(text))
            {
                return new DeltacloudErrorBody("html", "the server answered with an HTML page" + HtmlTitle(text));
            }

            if (text[0] == '<')
            {
                return FromXml(text);
            }
        }
        catch (Exception ex) when (ex is JsonException or System.Xml.XmlException)
        {
            return new DeltacloudErrorBody(null, "the error body could not be read");
        }

        return new DeltacloudErrorBody(null, ErrorText.FirstLine(text));
    }

    public static bool LooksLikeHtml(string text) =>
        text.StartsWith("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<html", StringComparison.OrdinalIgnoreCase);

    private static DeltacloudErrorBody FromJson(string text)
    {
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;
        string? kind = root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
        string? message = root.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
        if (kind is not null && kind.StartsWith(KindPrefix, StringComparison.Ordinal))
        {
            kind = kind[KindPrefix.Length..];
        }

        return new DeltacloudErrorBody(kind, ErrorText.FirstLine(message));
    }

    private static DeltacloudErrorBody FromXml(string text)
    {
        var root = SafeXml.Parse(text).Root;
        return new DeltacloudErrorBody(null, ErrorText.FirstLine(root?.Element("message")?.Value));
    }

    private static string HtmlTitle(string html)
    {
        var match = Regex.Match(html, "<title>(.*?)</title>", RegexOptions.IgnoreCase | RegexOptions.Singleline, TimeSpan.FromMilliseconds(100));
        return match.Success && ErrorText.FirstLine(match.Groups[1].Value) is { } title ? $" ({title})" : string.Empty;
    }
}
