namespace CloudConfig.Core;

// The URL form: what a user copies from a browser or from the server's "Listening on" line.
public sealed partial record RendezvousAddress
{
    private static string? ReadUrl(string text, out RendezvousAddress? address)
    {
        address = null;
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        var scheme = text[..schemeEnd];
        if (!string.Equals(scheme, Uri.UriSchemeHttp, StringComparison.OrdinalIgnoreCase) && !string.Equals(scheme, Uri.UriSchemeHttps, StringComparison.OrdinalIgnoreCase))
        {
            return $"only http and https URLs name a rendezvous server (was '{scheme}').";
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Host.Length == 0)
        {
            return "it is not a well-formed URL.";
        }

        if (url.UserInfo.Length > 0)
        {
            return "a URL with user information is not accepted (credentials never travel in an address).";
        }

        if (url.AbsolutePath != "/" || url.Query.Length > 0 || url.Fragment.Length > 0)
        {
            return $"the rendezvous routes sit at the server's root, so the path, query or fragment in '{url.PathAndQuery}{url.Fragment}' would be lost.";
        }

        var host = url.HostNameType == UriHostNameType.IPv6 ? url.Host.Trim('[', ']') : url.Host;
        return Create(host, url.Port, out address);
    }
}
