using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>
/// The OpenAPI document tells the truth: every answer a real server gives (to a session over every route, and to the
/// malformed-request corpus) is listed for its operation, with the media type and headers the document gives it.
/// </summary>
public sealed class OpenApiTruthTests
{
    [Fact]
    public async Task EveryStatusOfTheMalformedCorpus_IsListedForItsOperation()
    {
        var document = await ServedOpenApi.ServeAsync();

        foreach (var (name, (method, path, _, _, _, status)) in BadInputCorpus.Cases)
        {
            if (document.Find(method, path) is { } found)
            {
                var listed = found.Operation["responses"]![status.ToString(CultureInfo.InvariantCulture)];
                Assert.True(listed is not null, $"{name}: {method} {found.Template} answers {status}, which the document does not list.");
                Assert.True(listed!["content"]?["application/problem+json"] is not null, $"{name}: {status} is a problem, but the document gives it no problem body.");
            }
            else
            {
                // No operation: routing answers (no such route, or not that method), which no operation could list.
                Assert.True(status == (document.HasPath(path) ? 405 : 404), $"{name}: {method} {path} matches no operation, yet got {status}.");
            }
        }
    }

    [Fact]
    public async Task ASessionOverEveryRoute_GetsOnlyDocumentedAnswers()
    {
        var server = await TestServer.StartAsync();
        try
        {
            var document = await ServedOpenApi.FromAsync(server);
            using var http = server.CreateHttpClient();
            var uuid = Guid.NewGuid();
            var (bootSecret, trustKey) = (Secret.Generate(), Secret.Generate());
            var checks = new Checks(document, http);

            await checks.AnswerAsync("GET", "/v1/health", 200);
            await checks.AnswerAsync("GET", "/v1/health/live", 200);
            await checks.AnswerAsync("GET", "/v1/health/ready", 200);
            await checks.AnswerAsync("HEAD", "/v1/health/ready", 200);
            await checks.AnswerAsync("GET", "/v1/openapi.json", 200);

            var registration = $$"""{"uuid":"{{uuid}}","configuration":{"contentType":"text/plain","base64":"eA=="},"credentialHash":"{{bootSecret.Hash()}}"}""";
            await checks.AnswerAsync("POST", "/v1/entries", 201, App, registration);
            await checks.AnswerAsync("POST", "/v1/entries", 409, App, registration);
            await checks.AnswerAsync("POST", "/v1/entries", 401, null, registration);
            await checks.AnswerAsync("POST", "/v1/entries", 415, App, registration, "text/plain");
            await checks.AnswerAsync("GET", "/v1/entries?limit=0", 400, App);
            await checks.AnswerAsync("GET", $"/v1/entries/{uuid}", 200, App);
            await checks.AnswerAsync("GET", $"/v1/entries/{Guid.NewGuid()}", 404, App);

            var fetch = $"/v1/instances/{uuid}/configuration";
            await checks.AnswerAsync("GET", fetch, 200, $"CloudConfig-Boot {bootSecret.Reveal()} {trustKey.Reveal()}");
            await checks.AnswerAsync("GET", fetch, 404, $"CloudConfig-Boot {bootSecret.Reveal()} {Secret.Generate().Reveal()}");
            await checks.AnswerAsync("GET", fetch, 401, null);
            await checks.AnswerAsync("GET", "/v1/instances/not-a-uuid/configuration", 400, "CloudConfig-Trust " + trustKey.Reveal());
            var trust = "CloudConfig-Trust " + trustKey.Reveal();
            await checks.AnswerAsync("PUT", $"/v1/instances/{uuid}/report", 204, trust, """{"status":{"state":"configured","exitCode":0},"parameters":{"port":80}}""");
            await checks.AnswerAsync("GET", $"/v1/instances/{uuid}/configuration/updates?after=1&timeoutMs=0", 204, trust);
            await checks.AnswerAsync("PUT", $"/v1/entries/{uuid}/configuration", 200, App, """{"configuration":{"contentType":"text/plain","base64":"eQ=="}}""");
            await checks.AnswerAsync("GET", $"/v1/instances/{uuid}/configuration/updates?after=1", 200, trust);
            await checks.AnswerAsync("GET", "/v1/entries", 200, App);
            await checks.AnswerAsync("POST", "/v1/maintenance/remove-stale", 200, App, """{"timeoutMilliseconds":3600000}""");

            var poolCredential = Secret.Generate();
            var pooled = $$"""{"uuid":"{{Guid.NewGuid()}}","configuration":{"contentType":"text/plain","base64":"eA=="},"credentialHash":"{{poolCredential.Hash()}}","dynamicPool":"web"}""";
            await checks.AnswerAsync("POST", "/v1/entries", 201, App, pooled);
            await checks.AnswerAsync("POST", "/v1/pools/web/assignments", 200, $"CloudConfig-Pool {poolCredential.Reveal()} {Secret.Generate().Reveal()}");
            await checks.AnswerAsync("POST", "/v1/pools/web/assignments", 409, $"CloudConfig-Pool {poolCredential.Reveal()} {Secret.Generate().Reveal()}");

            await checks.AnswerAsync("DELETE", $"/v1/entries/{uuid}", 204, App);
            await checks.AnswerAsync("DELETE", $"/v1/entries/{uuid}", 404, App);

            // A stopping server answers the long polls it holds at once.
            var (held, heldKey) = await server.ClaimAsync();
            var claimedAt = (await server.Cache.GetAsync(held))!.LastContactAt;
            var poll = checks.AnswerAsync("GET", $"/v1/instances/{held}/configuration/updates?after=1&timeoutMs=600000", 503, "CloudConfig-Trust " + heldKey.Reveal());
            // Its credential check is a contact: once it shows, the poll is past it and waiting.
            var deadline = Stopwatch.StartNew();
            while ((await server.Cache.GetAsync(held))!.LastContactAt == claimedAt)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "The long poll never reached its credential check.");
                await Task.Delay(10);
            }

            server.Server.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication();
            await poll;
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    private const string App = "Bearer " + TestServer.ApiKey;

    /// <summary>Sends requests and checks each answer against the document.</summary>
    private sealed class Checks(ServedOpenApi document, HttpClient http)
    {
        public async Task AnswerAsync(string method, string path, int status, string? authorization = null, string? body = null, string contentType = "application/json")
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (authorization is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", authorization);
            }

            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            }

            using var response = await http.SendAsync(request);
            var answer = await response.Content.ReadAsByteArrayAsync();
            var what = $"{method} {path} -> {(int)response.StatusCode}";
            Assert.True(status == (int)response.StatusCode, $"{what}, expected {status}: {Encoding.UTF8.GetString(answer)}");
            var (template, operation) = document.Find(method, path) ?? throw new Xunit.Sdk.XunitException($"{what}: no operation in the document.");
            var listed = operation["responses"]![status.ToString(CultureInfo.InvariantCulture)] ?? throw new Xunit.Sdk.XunitException($"{what}: {template} does not list {status}.");

            var mediaTypes = listed["content"]?.AsObject().Select(c => c.Key).ToList() ?? [];
            if (mediaTypes.Count == 0)
            {
                Assert.True(answer.Length == 0, $"{what}: a body the document does not describe.");
            }
            else
            {
                Assert.Equal(mediaTypes.Single(), response.Content.Headers.ContentType?.MediaType);
            }

            foreach (var (name, header) in listed["headers"]!.AsObject())
            {
                Assert.True(response.Headers.TryGetValues(name, out var values), $"{what}: no {name} header, which the document lists.");
                if (name == "Cache-Control")
                {
                    Assert.Equal(((string)header!["description"]!).TrimEnd('.'), string.Join(", ", values));
                }
            }
        }
    }
}
