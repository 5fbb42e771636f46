using System.Text;
using System.Text.Json;

namespace CloudConfig.Deltacloud.Tests.Support;

/// <summary>One exchange of Fixtures/exchanges.json, recorded against Deltacloud 1.1.3 with the mock driver.</summary>
internal sealed record RecordedExchange(
    string File,
    string Description,
    string Method,
    string Path,
    IReadOnlyList<KeyValuePair<string, string>> RequestHeaders,
    string? RequestBody,
    int Status,
    IReadOnlyList<KeyValuePair<string, string>> ResponseHeaders,
    string? ResponseBody)
{
    public const string RecordedOrigin = "http://127.0.0.1:3001";

    private static readonly Lazy<IReadOnlyDictionary<string, RecordedExchange>> All = new(Load);

    public static IReadOnlyDictionary<string, RecordedExchange> Exchanges => All.Value;

    /// <summary>The exchange whose file name starts with the given number, for example "064".</summary>
    public static RecordedExchange Get(string number) => Exchanges.Values.Single(e => e.File.StartsWith(number + "-", StringComparison.Ordinal));

    public string? RequestHeader(string name) => RequestHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public string? ResponseHeader(string name) => ResponseHeaders.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    public DeltacloudFormat Format => RequestHeader("Accept") == "application/json" ? DeltacloudFormat.Json : DeltacloudFormat.Xml;

    public string PathOnly => Path.Split('?')[0];

    public IReadOnlyList<KeyValuePair<string, string>> QueryParams => Path.Contains('?', StringComparison.Ordinal)
        ? Path.Split('?', 2)[1].Split('&').Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(Uri.UnescapeDataString(p[0]), Uri.UnescapeDataString(p.Length > 1 ? p[1] : string.Empty))).ToList()
        : [];

    /// <summary>The user and password of the recorded Authorization header, or nulls when none was sent.</summary>
    public (string? User, string? Password) Credentials
    {
        get
        {
            var header = RequestHeader("Authorization");
            if (header is null)
            {
                return (null, null);
            }

            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..])).Split(':', 2);
            return (pair[0], pair[1]);
        }
    }

    public override string ToString() => File;

    private static Dictionary<string, RecordedExchange> Load()
    {
        var path = System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "exchanges.json");
        using var document = JsonDocument.Parse(System.IO.File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => new RecordedExchange(
            e.GetProperty("file").GetString()!,
            e.GetProperty("description").GetString()!,
            e.GetProperty("method").GetString()!,
            e.GetProperty("path").GetString()!,
            Pairs(e.GetProperty("request_headers")),
            e.GetProperty("request_body").GetString(),
            e.GetProperty("status").GetInt32(),
            Pairs(e.GetProperty("response_headers")),
            e.GetProperty("response_body").GetString())).ToDictionary(x => x.File);
    }

    private static List<KeyValuePair<string, string>> Pairs(JsonElement array) =>
        array.EnumerateArray().Select(p => new KeyValuePair<string, string>(p[0].GetString()!, p[1].GetString()!)).ToList();
}
