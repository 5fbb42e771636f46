using Microsoft.AspNetCore.Http;

namespace CloudConfig.Deltacloud.Embedded;

// The driver and provider a request selects, as the real server reads them: matrix parameters of the api segment
// (/api;driver=mock;provider=x/instances) or api[driver]/api[provider] in the query win over the X-Deltacloud-*
// headers. Matrix parameters of every segment are stripped from the path before routing, as Rack::MatrixParams does.
internal sealed record DriverSelection(string? Driver, string? Provider)
{
    private const string ItemKey = "deltacloud.selection";

    public static DriverSelection Read(HttpContext context)
    {
        var request = context.Request;
        var matrix = StripMatrixParameters(request);
        var selection = new DriverSelection(
            Pick(matrix, request, "driver", "X-Deltacloud-Driver"),
            Pick(matrix, request, "provider", "X-Deltacloud-Provider"));
        context.Items[ItemKey] = selection;
        return selection;
    }

    public static DriverSelection Of(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) && value is DriverSelection selection ? selection : new(null, null);

    private static string? Pick(Dictionary<string, string> matrix, HttpRequest request, string name, string header) =>
        matrix.GetValueOrDefault(name)
        ?? request.Query[$"api[{name}]"].FirstOrDefault()
        ?? request.Headers[header].FirstOrDefault();

    // Returns the api segment's parameters (Kestrel has decoded the path); the others (the create_instance link's
    // image_id) select nothing.
    private static Dictionary<string, string> StripMatrixParameters(HttpRequest request)
    {
        var api = new Dictionary<string, string>(StringComparer.Ordinal);
        var path = request.Path.Value;
        if (path is null || !path.Contains(';', StringComparison.Ordinal))
        {
            return api;
        }

        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var parts = segments[i].Split(';');
            segments[i] = parts[0];
            if (parts[0] != "api")
            {
                continue;
            }

            foreach (var pair in parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2))
            {
                api[pair[0]] = pair[1];
            }
        }

        request.Path = new PathString(string.Join('/', segments));
        return api;
    }
}
