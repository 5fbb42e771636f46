using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace CloudConfig.Deltacloud.Embedded;

internal static class FormatNegotiation
{
    /// <summary>
    /// <c>?format=</c> wins, then Accept by quality. No Accept gives XML, as on the real server.
    /// The real server answers <c>*/*</c> and <c>text/html</c> with HTML pages; this one serves no HTML:
    /// <c>*/*</c> (and <c>application/*</c>) get XML, and an Accept naming neither XML nor JSON gets a bare 406.
    /// </summary>
    public static ResponseFormat? Negotiate(HttpRequest request)
    {
        var format = request.Query["format"].FirstOrDefault();
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseFormat.Json;
        }

        if (string.Equals(format, "xml", StringComparison.OrdinalIgnoreCase))
        {
            return ResponseFormat.Xml;
        }

        var accept = request.Headers.Accept;
        if (accept.Count == 0 || string.IsNullOrWhiteSpace(accept.ToString()))
        {
            return ResponseFormat.Xml;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var mediaTypes))
        {
            return null;
        }

        foreach (var mediaType in mediaTypes.Where(m => m.Quality is not 0).OrderByDescending(m => m.Quality ?? 1))
        {
            switch (mediaType.MediaType.Value?.ToLowerInvariant())
            {
                case "application/json":
                    return ResponseFormat.Json;
                case "application/xml" or "text/xml" or "*/*" or "application/*":
                    return ResponseFormat.Xml;
            }
        }

        return null;
    }
}
