using System.Text;
using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>Turns what a source found into a boot string, tolerating the ways clouds and people wrap it.</summary>
internal static class BootStringText
{
    /// <summary>An optional first line marking user data as ours, like cloud-init's <c>#cloud-config</c>.</summary>
    public const string Marker = "#cloudconfig";

    public static BootString? TryRead(string? raw) => TryRead(raw, out _);

    /// <summary>The boot string in <paramref name="raw"/>, or null with the parser's reason (which never quotes the text).</summary>
    public static BootString? TryRead(string? raw, out string problem) => TryRead(raw, unwrapBase64: true, out problem);

    private static BootString? TryRead(string? raw, bool unwrapBase64, out string problem)
    {
        problem = "nothing to read.";
        if (raw is null)
        {
            return null;
        }

        var text = StripMarker(raw.Trim());
        try
        {
            return BootString.Parse(text);
        }
        catch (BootStringFormatException e)
        {
            problem = e.Message;
        }

        // Some clouds hand user data back base64-encoded; decode once, never recursively. The reason reported is
        // the one for the text as found.
        return unwrapBase64 && TryDecodeBase64(text) is { } decoded ? TryRead(decoded, unwrapBase64: false, out _) : null;
    }

    private static string StripMarker(string text)
    {
        if (!text.StartsWith(Marker, StringComparison.Ordinal))
        {
            return text;
        }

        var newline = text.IndexOf('\n', StringComparison.Ordinal);
        return newline < 0 ? "" : text[(newline + 1)..].Trim();
    }

    private static string? TryDecodeBase64(string text)
    {
        var compact = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                // base64url is folded into the standard alphabet so both spellings decode.
                compact.Append(c switch { '-' => '+', '_' => '/', _ => c });
            }
        }

        while (compact.Length % 4 != 0)
        {
            compact.Append('=');
        }

        var buffer = new byte[compact.Length];
        if (compact.Length == 0 || !Convert.TryFromBase64String(compact.ToString(), buffer, out var written))
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
