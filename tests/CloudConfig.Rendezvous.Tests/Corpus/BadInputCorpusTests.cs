using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>
/// The malformed-request corpus (<see cref="BadInputCorpus"/>), run against a real server: each request gets
/// exactly its status (never a 5xx), changes no entry, and leaves no secret in any log line.
/// </summary>
public sealed class BadInputCorpusTests(BadInputCorpusFixture fixture) : IClassFixture<BadInputCorpusFixture>
{
    public static TheoryData<string> CaseNames => [.. BadInputCorpus.Cases.Keys];

    [Fact]
    public void Corpus_CoversEveryRouteWithAtLeast120Requests()
    {
        var paths = BadInputCorpus.Cases.Values.Select(c => c.Path).ToList();

        Assert.True(BadInputCorpus.Cases.Count >= 120, $"{BadInputCorpus.Cases.Count} cases");
        foreach (var route in new[] { "/v1/health", "/v1/health/live", "/v1/health/ready", "/configuration/updates", "/report", "/assignments", "/v1/entries", "/remove-stale" })
        {
            Assert.Contains(paths, p => p.Contains(route, StringComparison.Ordinal));
        }

        Assert.Contains(BadInputCorpus.Cases.Values, c => c is { Method: "GET", Path: "/v1/instances/{claimed}/configuration" });
        Assert.Contains(BadInputCorpus.Cases.Values, c => c is { Method: "PUT", Path: "/v1/entries/{claimed}/configuration" });
        Assert.Contains(BadInputCorpus.Cases.Values, c => c is { Method: "DELETE" } && c.Path.StartsWith("/v1/entries/", StringComparison.Ordinal));
        Assert.Contains(BadInputCorpus.Cases.Values, c => c is { Method: "GET" } && c.Path.StartsWith("/v1/entries/", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task MalformedRequest_GetsItsStatusChangesNothingAndLogsNoSecret(string name)
    {
        var (method, path, auth, contentType, body, status) = BadInputCorpus.Cases[name];
        var before = await fixture.SnapshotAsync();
        using var http = fixture.Server.CreateHttpClient();
        using var request = new HttpRequestMessage(new HttpMethod(method), Resolve(path));
        var authorization = auth switch
        {
            "app" => "Bearer " + TestServer.ApiKey,
            "trust" => "CloudConfig-Trust " + BadInputCorpusFixture.TrustKey.Reveal(),
            "none" => null,
            _ => auth,
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        if (body is not null)
        {
            request.Content = new ByteArrayContent(body.StartsWith("b64:", StringComparison.Ordinal) ? Convert.FromBase64String(body[4..]) : Encoding.UTF8.GetBytes(Resolve(body)));
            if (contentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        using var response = await http.SendAsync(request);

        Assert.True(status == (int)response.StatusCode, $"{name}: expected {status}, answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal(before, await fixture.SnapshotAsync());
        var logs = fixture.Logs();
        // Every credential the request carried, and every secret the server holds.
        var credentials = (authorization ?? "").Split(' ').Skip(1).Where(part => part.Length >= 16);
        foreach (var secret in fixture.Secrets.Concat(credentials))
        {
            Assert.DoesNotContain(secret, logs, StringComparison.Ordinal);
        }

        Assert.Empty(fixture.LinesAtOrAbove(LogLevel.Error));
    }

    private string Resolve(string text) => text
        .Replace("{claimed}", fixture.Claimed.ToString(), StringComparison.Ordinal)
        .Replace("{unclaimed}", fixture.Unclaimed.ToString(), StringComparison.Ordinal);
}
