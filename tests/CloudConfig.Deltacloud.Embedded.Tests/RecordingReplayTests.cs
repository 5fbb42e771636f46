using System.Net.Http.Headers;
using System.Text.Json;
using System.Xml.Linq;

namespace CloudConfig.Deltacloud.Embedded.Tests;

/// <summary>
/// Sends each recorded request to the embedded cloud and compares the answer's structure with what the real
/// Deltacloud 1.1.3 mock server answered: status, content type, key headers, and element/attribute names and
/// nesting (XML) or property names and value types (JSON).
/// </summary>
public sealed class RecordingReplayTests
{
    // Exchanges that need earlier ones replayed first, as in the recording session (ids line up: the mock's
    // four seeded instances make the first create inst4 here too).
    private static readonly Dictionary<string, string[]> Preconditions = new()
    {
        ["050"] = ["049"],
        ["051"] = ["049"],
        ["065"] = ["064"],
        ["066"] = ["064"],
        ["067"] = ["064"],
        ["068"] = ["064", "067"],
        ["069"] = ["064", "067"],
        ["070"] = ["064"],
        ["071"] = ["064"],
        ["072"] = ["064"],
        ["073"] = ["064", "072"],
        ["074"] = ["064", "072", "073"],
        ["076"] = ["075"],
        ["078"] = ["075"],
        ["079"] = ["075"],
        ["081"] = ["075", "079"],
        ["082"] = ["075", "079", "081"],
        ["083"] = ["075", "079"],
        ["084"] = ["075", "079", "083"],
        ["093"] = ["085", "085", "085"],
    };

    public static TheoryData<string> Exchanges => [.. Recordings.Ids];

    [Theory]
    [MemberData(nameof(Exchanges))]
    public async Task Replay_RecordedRequest_AnswersWithTheRecordedStructure(string id)
    {
        var recorded = Recordings.Get(id);
        await using var cloud = await StartMockLikeAsync();
        using var client = new HttpClient { BaseAddress = new Uri(cloud.ApiUrl.GetLeftPart(UriPartial.Authority)) };
        foreach (var setup in Preconditions.GetValueOrDefault(id, []))
        {
            var setupExchange = Recordings.Get(setup);
            using var setupResponse = await client.SendAsync(Request(setupExchange));
            Assert.Equal(setupExchange.Status, (int)setupResponse.StatusCode);
        }

        using var response = await client.SendAsync(Request(recorded));
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(recorded.Status, (int)response.StatusCode);
        Assert.Equal(MediaType(recorded.ResponseHeader("Content-Type")), response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(recorded.ResponseHeader("Server"), string.Join(' ', response.Headers.GetValues("Server")));
        Assert.Equal(recorded.ResponseHeader("X-Deltacloud-Driver"), response.Headers.GetValues("X-Deltacloud-Driver").Single());
        foreach (var header in new[] { "Location", "WWW-Authenticate", "X-Deltacloud-Provider" })
        {
            Assert.True(
                (recorded.ResponseHeader(header) is not null) == response.Headers.Contains(header),
                $"{id}: header {header} present in the recording: {recorded.ResponseHeader(header) is not null}");
        }

        AssertSameStructure(recorded, body, cloud);
    }

    [Theory]
    [InlineData("application/xml")]
    [InlineData("application/json")]
    public async Task ShowHardwareProfile_RangeAndEnumProfile_MatchesTheRecordedListEntry(string accept)
    {
        // The recordings hold m1-large (range and enum properties) only inside the list: compare with that entry.
        var list = Recordings.Get(accept.EndsWith("xml", StringComparison.Ordinal) ? "033" : "034").ResponseBody!;
        await using var cloud = await StartMockLikeAsync();
        using var client = TestCloud.Client(cloud, accept);

        var body = await client.GetStringAsync(new Uri("/api/hardware_profiles/m1-large", UriKind.Relative));

        if (accept.EndsWith("xml", StringComparison.Ordinal))
        {
            var expected = XDocument.Parse(list).Root!.Elements("hardware_profile").Single(e => (string?)e.Attribute("id") == "m1-large");
            var actual = StructuralShape.OfXml(body);
            Assert.True(StructuralShape.OfXml(expected).SetEquals(actual), StructuralShape.Difference(StructuralShape.OfXml(expected), actual));
        }
        else
        {
            using var document = JsonDocument.Parse(list);
            var entry = document.RootElement.GetProperty("hardware_profiles").EnumerateArray().Single(e => e.GetProperty("id").GetString() == "m1-large");
            var expected = StructuralShape.OfJson("{\"hardware_profile\":" + entry.GetRawText() + "}");
            var actual = StructuralShape.OfJson(body);
            Assert.True(expected.SetEquals(actual), StructuralShape.Difference(expected, actual));
        }
    }

    [Theory]
    [InlineData("016")]
    [InlineData("018")]
    [InlineData("024")]
    [InlineData("028")]
    [InlineData("034")]
    [InlineData("040")]
    [InlineData("044")]
    [InlineData("089")]
    [InlineData("109")]
    public async Task Replay_JsonOfSeededData_IsByteForByteTheRecordingWithOurAddress(string id)
    {
        // Beyond structure: for the mock's seed data the values match too, once links point at this server.
        var recorded = Recordings.Get(id);
        await using var cloud = await StartMockLikeAsync();
        using var client = new HttpClient { BaseAddress = new Uri(cloud.ApiUrl.GetLeftPart(UriPartial.Authority)) };

        using var response = await client.SendAsync(Request(recorded));

        var expected = recorded.ResponseBody!.Replace("http://127.0.0.1:3001", cloud.ApiUrl.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);
        Assert.Equal(expected, await response.Content.ReadAsStringAsync());
    }

    private static Task<EmbeddedDeltacloud> StartMockLikeAsync() => TestCloud.StartAsync(o =>
    {
        o.SeedMockInstances = true;
        o.PendingDuration = TimeSpan.Zero;
        o.AdvertiseUserData = false;
    });

    private static HttpRequestMessage Request(RecordedExchange exchange)
    {
        var request = new HttpRequestMessage(new HttpMethod(exchange.Method), new Uri(exchange.Path, UriKind.Relative));
        foreach (var name in new[] { "Accept", "Authorization", "X-Deltacloud-Driver", "X-Deltacloud-Provider" })
        {
            if (exchange.RequestHeader(name) is { } value)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        if (exchange.RequestBody is not null)
        {
            request.Content = new StringContent(exchange.RequestBody);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(exchange.RequestHeader("Content-Type")!);
        }

        return request;
    }

    private static string? MediaType(string? contentType) =>
        contentType is null ? null : MediaTypeHeaderValue.Parse(contentType).MediaType;

    private static void AssertSameStructure(RecordedExchange recorded, string body, EmbeddedDeltacloud cloud)
    {
        var expectedBody = recorded.ResponseBody ?? string.Empty;
        var mediaType = MediaType(recorded.ResponseHeader("Content-Type"));
        if (recorded.Method == "HEAD" || expectedBody.Length == 0)
        {
            Assert.Equal(string.Empty, body);
            return;
        }

        switch (mediaType)
        {
            case "application/xml":
            {
                var expected = StructuralShape.OfXml(expectedBody);
                var actual = StructuralShape.OfXml(body);
                Assert.True(expected.SetEquals(actual), recorded.File + ": " + StructuralShape.Difference(expected, actual));
                AssertLinksAreAbsolute(body, cloud);
                break;
            }

            case "application/json":
            {
                var expected = StructuralShape.OfJson(expectedBody);
                var actual = StructuralShape.OfJson(body);
                Assert.True(expected.SetEquals(actual), recorded.File + ": " + StructuralShape.Difference(expected, actual));
                AssertLinksAreAbsolute(body, cloud);
                break;
            }

            default:
                // Plain-text bodies (missing parameter, failed forced authentication) are compared as text.
                Assert.Equal(expectedBody, body);
                break;
        }
    }

    private static void AssertLinksAreAbsolute(string body, EmbeddedDeltacloud cloud)
    {
        var root = cloud.ApiUrl.GetLeftPart(UriPartial.Authority);
        Assert.DoesNotContain("127.0.0.1:3001", body, StringComparison.Ordinal);
        if (body.Contains("href", StringComparison.Ordinal))
        {
            Assert.Contains(root + "/api/", body, StringComparison.Ordinal);
        }
    }
}
