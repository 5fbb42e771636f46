namespace CloudConfig.Core;

internal static class Base64UrlText
{
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!IsBase64UrlChar(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    public static bool IsBase64UrlChar(char c) =>
        c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_';
}
