using System.Text.Json;
using System.Text.Json.Serialization;

namespace CloudConfig.Deltacloud.Embedded.Tests;

/// <summary>One exchange recorded against the real Deltacloud 1.1.3 server (see Fixtures/README.md).</summary>
internal sealed record RecordedExchange
{
    [JsonPropertyName("file")]
    public required string File { get; init; }

    [JsonPropertyName("method")]
    public required string Method { get; init; }

    [JsonPropertyName("path")]
    public required string Path { get; init; }

    [JsonPropertyName("request_headers")]
    public required List<List<string>> RequestHeaders { get; init; }

    [JsonPropertyName("request_body")]
    public string? RequestBody { get; init; }

    [JsonPropertyName("status")]
    public int Status { get; init; }

    [JsonPropertyName("response_headers")]
    public required List<List<string>> ResponseHeaders { get; init; }

    [JsonPropertyName("response_body")]
    public string? ResponseBody { get; init; }

    public string Id => File[..3];

    public string? RequestHeader(string name) => Header(RequestHeaders, name);

    public string? ResponseHeader(string name) => Header(ResponseHeaders, name);

    private static string? Header(List<List<string>> headers, string name) =>
        headers.FirstOrDefault(h => string.Equals(h[0], name, StringComparison.OrdinalIgnoreCase))?[1];
}

internal static class Recordings
{
    private static readonly Lazy<Dictionary<string, RecordedExchange>> All = new(() =>
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "exchanges.json");
        var list = JsonSerializer.Deserialize<List<RecordedExchange>>(File.ReadAllText(path))!;
        return list.ToDictionary(e => e.Id);
    });

    public static RecordedExchange Get(string id) => All.Value[id];

    public static IEnumerable<string> Ids => All.Value.Keys.Order(StringComparer.Ordinal);
}
