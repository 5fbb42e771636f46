using System.Net;
using System.Text;
using System.Text.Json;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>
/// What the server answers when its cache throws: any refusal a cache makes (a <see cref="ConfigCacheRefusedException"/>
/// of whatever type, one the server never heard of included) is a documented 409 carrying its reason, which the app's
/// client throws again as the same refusal; anything else is a 500 that shows nothing of the exception.
/// </summary>
public sealed class CacheErrorTests
{
    private const string Leaky = "token=do-not-show-me at /var/lib/secret-path";

    public static TheoryData<string, string, string?> AppWrites => new()
    {
        { "POST", "/v1/entries", $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{"contentType":"text/plain","base64":"eA=="},"credentialHash":"{{Secret.Generate().Hash()}}"}""" },
        { "PUT", $"/v1/entries/{Guid.NewGuid()}/configuration", """{"configuration":{"contentType":"text/plain","base64":"eQ=="}}""" },
        { "DELETE", $"/v1/entries/{Guid.NewGuid()}", null },
        { "POST", "/v1/maintenance/remove-stale", """{"timeoutMilliseconds":1000}""" },
    };

    [Theory]
    [MemberData(nameof(AppWrites))]
    public async Task AnyCacheRefusal_OnAnAppWrite_Is409RefusedWithItsReasonAsTheDocumentSays(string method, string path, string? body)
    {
        await using var server = await StartAsync(new FutureRefusalException());
        var document = await ServedOpenApi.FromAsync(server.Test);

        var (status, mediaType, text) = await SendAsync(server.Test, method, path, body);

        Assert.Equal(409, status);
        Assert.Equal("application/problem+json", mediaType);
        var problem = JsonSerializer.Deserialize(text, RendezvousJsonContext.Default.ProblemMessage)!;
        Assert.Equal(RendezvousProblemKinds.Refused, problem.ErrorKind);
        Assert.Equal(RendezvousProblemKinds.TypeOf(RendezvousProblemKinds.Refused), problem.Type);
        Assert.Equal(FutureRefusalException.Token, problem.Reason);
        Assert.Equal(new FutureRefusalException().Message, problem.Detail);
        var listed = document.Find(method, path)!.Value.Operation["responses"]!["409"]!;
        Assert.Contains(RendezvousProblemKinds.Refused, (string)listed["description"]!, StringComparison.Ordinal);
        Assert.NotNull(listed["content"]!["application/problem+json"]);
    }

    [Fact]
    public async Task AnyCacheRefusal_ThroughTheAppsClient_IsTheSameRefusalAtOnceWithoutRetries()
    {
        await using var server = await StartAsync(new FutureRefusalException());
        using var app = server.Test.CreateAppClient(retries: 3);

        var refused = await Assert.ThrowsAsync<ConfigCacheRefusedException>(
            () => app.PreRegisterAsync(ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("x"), Secret.Generate())));

        Assert.Equal(FutureRefusalException.Token, refused.Reason);
        Assert.Contains(new FutureRefusalException().Message, refused.Message, StringComparison.Ordinal);
        Assert.Equal(1, server.Cache.Calls);
    }

    [Theory]
    [InlineData("cache")]
    [InlineData("other")]
    public async Task AnUnplacedException_Is500WithTheFixedBodyAndNothingOfTheException(string kind)
    {
        Exception thrown = kind == "cache" ? new ConfigCacheException(Leaky) : new InvalidOperationException(Leaky);
        await using var server = await StartAsync(thrown);

        foreach (var (method, path, body) in AppWrites.Select(row => ((string)row[0], (string)row[1], (string?)row[2])))
        {
            var (status, mediaType, text) = await SendAsync(server.Test, method, path, body);

            Assert.Equal(500, status);
            Assert.Equal("application/problem+json", mediaType);
            Assert.Equal(RendezvousProblems.Internal(), JsonSerializer.Deserialize(text, RendezvousJsonContext.Default.ProblemMessage));
            Assert.DoesNotContain("do-not-show-me", text, StringComparison.Ordinal);
            Assert.DoesNotContain(thrown.GetType().Name, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RefusedException_ReasonThatIsNoToken_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => new ConfigCacheRefusedException("Read Only", "m"));
        Assert.Throws<ArgumentException>(() => new ConfigCacheRefusedException("", "m"));
        Assert.Throws<ArgumentException>(() => new ConfigCacheRefusedException("-x", "m"));
        Assert.Throws<ArgumentException>(() => new ConfigCacheRefusedException(new string('a', 65), "m"));
        Assert.Equal("read-only-site2", new ConfigCacheRefusedException("read-only-site2", "m").Reason);
    }

    [Fact]
    public void RefusedProblem_WithAReasonThatIsNoToken_BecomesAPlainRefusalNamingTheStatus()
    {
        var forged = RendezvousProblems.FromException(new FutureRefusalException())! with { Reason = "<script>" };

        var exception = RendezvousProblems.ToException(409, forged);

        Assert.Equal(typeof(ConfigCacheException), exception!.GetType());
        Assert.Contains("(409)", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<(int Status, string? MediaType, string Text)> SendAsync(TestServer server, string method, string path, string? body)
    {
        using var http = server.CreateAppHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static async Task<ThrowingServer> StartAsync(Exception thrown)
    {
        var cache = new ThrowingCache(thrown);
        var server = await TestServer.StartAsync(cache: cache);
        return new ThrowingServer(server, cache);
    }

    /// <summary>A refusal of a type no table in the server names: a cache's own, added after the server was written.</summary>
    private sealed class FutureRefusalException() : ConfigCacheRefusedException(Token, "This cache refuses that here, for a reason of its own.")
    {
        public const string Token = "some-future-reason";
    }

    private sealed record ThrowingServer(TestServer Test, ThrowingCache Cache) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Test.DisposeAsync();
    }
}
