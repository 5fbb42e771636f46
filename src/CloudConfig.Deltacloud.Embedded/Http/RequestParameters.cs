using Microsoft.AspNetCore.Http;

namespace CloudConfig.Deltacloud.Embedded;

// Query-string and form parameters in the order the client sent them; the real server accepts both.
internal static class RequestParameters
{
    public static async Task<List<KeyValuePair<string, string>>> ReadAsync(HttpRequest request)
    {
        var result = request.Query
            .Where(q => q.Key != "format")
            .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string>(q.Key, v ?? string.Empty)))
            .ToList();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted).ConfigureAwait(false);
            result.AddRange(form.SelectMany(f => f.Value.Select(v => new KeyValuePair<string, string>(f.Key, v ?? string.Empty))));
        }

        return result;
    }

    public static string? Get(this List<KeyValuePair<string, string>> parameters, string name)
    {
        var value = parameters.FindLast(p => p.Key == name).Value;
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
