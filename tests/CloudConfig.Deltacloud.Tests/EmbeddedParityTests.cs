using System.Net.Http.Headers;
using CloudConfig.Deltacloud.Embedded;
using CloudConfig.Deltacloud.Tests.Support;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>
/// Proves the embedded cloud and the recorded Deltacloud 1.1.3 server agree as far as our client can tell: the same
/// client call, sent to each, parses to the same result (or the same typed error) field by field, once hrefs'
/// host and port and the values each server generates are normalised.
/// </summary>
public sealed class EmbeddedParityTests
{
    // The embedded cloud serves only these collections (its README, "Differences from the real server").
    private static readonly HashSet<string> EmbeddedCollections = ["drivers", "hardware_profiles", "images", "instance_states", "instances", "keys", "realms"];

    // Launch times are the servers' clocks.
    private static readonly string[] AlwaysMasked = [@"\.LaunchTime$"];

    public static TheoryData<string> Recordings => new(ParityCases.ByRecording.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Recordings))]
    public async Task ClientCall_EmbeddedCloudAndRecording_ParseToTheSameResult(string recording)
    {
        var row = ParityCases.ByRecording[recording];
        var exchange = RecordedExchange.Get(recording);

        var (recorded, recordedOrigin) = await OnRecordingAsync(row, exchange);
        var (embedded, embeddedOrigin) = await OnEmbeddedAsync(row, exchange);

        // Parity of two wrong answers proves nothing: the recording side must give what the recording says.
        AssertRecordedOutcome(exchange, recorded);
        var masked = AlwaysMasked.Concat(row.Masked).ToList();
        var expected = ParsedShape.Of(recorded, recordedOrigin, masked);
        var actual = ParsedShape.Of(embedded, embeddedOrigin, masked);
        Assert.True(expected.SequenceEqual(actual), $"{row}: {Difference(expected, actual)}");
    }

    [Fact]
    public void Table_CoversBothFormatsWhereRecorded()
    {
        var xmlAndJson = new[] { ("001", "002"), ("013", "014"), ("017", "018"), ("023", "024"), ("025", "026"), ("027", "028"), ("033", "034"), ("035", "036"), ("039", "040"), ("043", "044"), ("045", "046"), ("047", "048"), ("052", "053"), ("054", "055"), ("058", "059"), ("088", "089"), ("090", "091"), ("098", "099"), ("100", "101") };

        foreach (var (xml, json) in xmlAndJson)
        {
            Assert.Equal(DeltacloudFormat.Xml, RecordedExchange.Get(xml).Format);
            Assert.Equal(DeltacloudFormat.Json, RecordedExchange.Get(json).Format);
            Assert.Equal(ParityCases.ByRecording[xml].What, ParityCases.ByRecording[json].What);
        }
    }

    [Theory]
    [InlineData("064")]
    [InlineData("075")]
    public async Task CreateAsync_WithUserData_EmbeddedCloudHoldsExactlyWhatWasSent(string recording)
    {
        var row = ParityCases.ByRecording[recording];
        var exchange = RecordedExchange.Get(recording);
        await using var cloud = await StartMockLikeAsync();
        using var client = ClientFor(cloud.ApiUrl, exchange);

        await row.Call(new ParityTarget(client, TestClients.Options(cloud.ApiUrl), Origin(cloud)));

        Assert.Equal(ParityCases.UserDataSent, Assert.Single(cloud.Instances, i => i.Id == "inst4").UserData);
    }

    private static async Task<(object? Result, string Origin)> OnRecordingAsync(ParityCase row, RecordedExchange exchange)
    {
        using var server = new ReplayServer();
        if (exchange.PathOnly != "/api")
        {
            server.StubEntryPoint(exchange.Format);
        }

        server.Stub(exchange);
        using var client = ClientFor(server.ApiUrl, exchange);
        var result = await RunAsync(row, new ParityTarget(client, OptionsFor(server.ApiUrl, exchange), server.Url));
        if (result is DeltacloudEntryPoint entryPoint)
        {
            result = entryPoint with { Collections = entryPoint.Collections.Where(c => EmbeddedCollections.Contains(c.Rel)).ToList() };
        }

        return (result, server.Url);
    }

    private static async Task<(object? Result, string Origin)> OnEmbeddedAsync(ParityCase row, RecordedExchange exchange)
    {
        await using var cloud = await StartMockLikeAsync();
        using (var setupClient = new HttpClient())
        {
            foreach (var setup in row.Setup)
            {
                var (request, status) = SetupRequest(setup, Origin(cloud));
                using (request)
                using (var response = await setupClient.SendAsync(request))
                {
                    Assert.Equal(status, (int)response.StatusCode);
                }
            }
        }

        using var client = ClientFor(cloud.ApiUrl, exchange);
        return (await RunAsync(row, new ParityTarget(client, OptionsFor(cloud.ApiUrl, exchange), Origin(cloud))), Origin(cloud));
    }

    private static async Task<object?> RunAsync(ParityCase row, ParityTarget target)
    {
        try
        {
            return await row.Call(target);
        }
        catch (DeltacloudException ex)
        {
            return ex;
        }
    }

    // As the mock driver: its four instances seeded (so the first create is inst4 on both), no pending phase, and
    // user_data stored but not advertised.
    private static Task<EmbeddedDeltacloud> StartMockLikeAsync() => EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions
    {
        SeedMockInstances = true,
        PendingDuration = TimeSpan.Zero,
        AdvertiseUserData = false,
    });

    private static string Origin(EmbeddedDeltacloud cloud) => cloud.ApiUrl.GetLeftPart(UriPartial.Authority);

    private static DeltacloudClient ClientFor(Uri apiUrl, RecordedExchange exchange) =>
        new(HttpClientSource.OverOwned(new SocketsHttpHandler()), OptionsFor(apiUrl, exchange), TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

    private static DeltacloudClientOptions OptionsFor(Uri apiUrl, RecordedExchange exchange)
    {
        var (user, password) = exchange.Credentials;
        return TestClients.Options(apiUrl, exchange.Format, o =>
        {
            o.Username = user;
            o.Password = password;
            o.Driver = exchange.RequestHeader("X-Deltacloud-Driver");
            o.Provider = exchange.RequestHeader("X-Deltacloud-Provider");
        });
    }

    private static void AssertRecordedOutcome(RecordedExchange exchange, object? result)
    {
        var expectedError = RecordingCalls.ExpectedError(exchange);
        if (expectedError is null)
        {
            Assert.False(result is Exception, $"{exchange.File}: {result}");
        }
        else
        {
            Assert.IsType(expectedError, result);
        }
    }

    /// <summary>A setup step: a recording's number (sent as recorded), or "POST path form" for a create the selection lacks.</summary>
    private static (HttpRequestMessage Request, int Status) SetupRequest(string setup, string origin)
    {
        if (!setup.Contains(' ', StringComparison.Ordinal))
        {
            var recorded = RecordedExchange.Get(setup);
            return (RecordedRequest(recorded, origin), recorded.Status);
        }

        var parts = setup.Split(' ', 3);
        var request = new HttpRequestMessage(new HttpMethod(parts[0]), new Uri(origin + parts[1]))
        {
            Content = new StringContent(parts[2], System.Text.Encoding.UTF8, "application/x-www-form-urlencoded"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String("mockuser:mockpassword"u8));
        return (request, 201);
    }

    private static HttpRequestMessage RecordedRequest(RecordedExchange exchange, string origin)
    {
        var request = new HttpRequestMessage(new HttpMethod(exchange.Method), new Uri(origin + exchange.Path));
        foreach (var name in new[] { "Accept", "Authorization" })
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

    private static string Difference(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        "only in the recording: [" + string.Join("; ", expected.Except(actual)) + "]; only from the embedded cloud: [" + string.Join("; ", actual.Except(expected)) + "]";
}
