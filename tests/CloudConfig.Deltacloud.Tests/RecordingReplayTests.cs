using CloudConfig.Deltacloud.Tests.Support;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>
/// Replays every shared recording through WireMock.Net and drives the client operation that produces that request,
/// asserting the parsed result or the typed error the recorded answer must give.
/// </summary>
public sealed class RecordingReplayTests
{
    public static TheoryData<string> AllRecordings => new(RecordedExchange.Exchanges.Keys.Order(StringComparer.Ordinal));

    [Fact]
    public void Fixtures_HoldEveryRecording()
    {
        Assert.Equal(91, RecordedExchange.Exchanges.Count);
    }

    [Theory]
    [MemberData(nameof(AllRecordings))]
    public async Task Recording_ReplayedThroughClient_GivesParsedResultOrTypedError(string file)
    {
        var exchange = RecordedExchange.Exchanges[file];
        using var server = new ReplayServer();
        if (exchange.PathOnly != "/api")
        {
            server.StubEntryPoint(exchange.Format);
        }

        // The client never sends ?format=; the recording shows the server's content type must decide the parser.
        server.Stub(exchange, matchQuery: !exchange.Path.Contains("format=", StringComparison.Ordinal));
        var (user, password) = exchange.Credentials;
        using var client = server.CreateClient(exchange.Format, o =>
        {
            o.Username = user;
            o.Password = password;
            o.Driver = exchange.RequestHeader("X-Deltacloud-Driver");
            o.Provider = exchange.RequestHeader("X-Deltacloud-Provider");
        });

        var call = RecordingCalls.For(exchange, server.Url);
        var expectedError = RecordingCalls.ExpectedError(exchange);
        if (expectedError is null)
        {
            var result = await call(client);
            RecordingCalls.AssertResult(exchange, result);
        }
        else
        {
            var error = await Assert.ThrowsAnyAsync<DeltacloudException>(() => call(client));
            Assert.IsType(expectedError, error);
            Assert.DoesNotContain("backtrace", error.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(".rb:", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("mockpassword", error.Message, StringComparison.Ordinal);
        }

        // The client really sent the recorded method to the recorded path, with an explicit Accept.
        var sent = server.Server.LogEntries.Where(e => e.RequestMessage.Path == exchange.PathOnly && string.Equals(e.RequestMessage.Method, exchange.Method, StringComparison.OrdinalIgnoreCase)).ToList();
        Assert.NotEmpty(sent);
        Assert.All(sent, e => Assert.Contains(e.RequestMessage.Headers!["Accept"], a => a is "application/xml" or "application/json"));
    }
}
