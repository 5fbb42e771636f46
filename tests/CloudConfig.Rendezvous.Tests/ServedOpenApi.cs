using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>The OpenAPI document a real server serves at /v1/openapi.json, and its operations by method and path.</summary>
internal sealed class ServedOpenApi(string text)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The document pretty-printed with LF line ends, as the checked-in copy is kept (it reads and diffs well).</summary>
    public string Text { get; } = text;

    public JsonNode Document { get; } = JsonNode.Parse(text)!;

    public static async Task<ServedOpenApi> FromAsync(TestServer server)
    {
        using var http = server.CreateHttpClient();
        using var response = await http.GetAsync("/v1/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var served = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return new ServedOpenApi(JsonSerializer.Serialize(served, Indented).ReplaceLineEndings("\n") + "\n");
    }

    public static async Task<ServedOpenApi> ServeAsync()
    {
        await using var server = await TestServer.StartAsync();
        return await FromAsync(server);
    }

    /// <summary>The operation whose path template matches a concrete path (query left off), or null.</summary>
    public (string Template, JsonNode Operation)? Find(string method, string path)
    {
        var bare = path.Split('?')[0];
        foreach (var (template, item) in Document["paths"]!.AsObject())
        {
            if (Matches(template, bare) && item![method.ToLowerInvariant()] is { } operation)
            {
                return (template, operation);
            }
        }

        return null;
    }

    /// <summary>Whether any operation has that path template (whatever its methods).</summary>
    public bool HasPath(string path) => Document["paths"]!.AsObject().Any(p => Matches(p.Key, path.Split('?')[0]));

    // "/v1/entries/{uuid}" matches "/v1/entries/<anything but a slash>".
    private static bool Matches(string template, string path) =>
        Regex.IsMatch(path, "^" + Regex.Replace(Regex.Escape(template), @"\\\{[a-z]+}", "[^/]+") + "$");
}
