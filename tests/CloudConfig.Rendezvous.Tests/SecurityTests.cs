using System.Diagnostics.Metrics;
using System.Net;
using System.Net.Http.Headers;
using CloudConfig.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;

namespace CloudConfig.Rendezvous.Tests;

public sealed class SecurityTests
{
    [Fact]
    public async Task Fetch_StolenBootStringUsedASecondTime_IsRefusedCountedAndMetered()
    {
        await using var server = await TestServer.StartAsync();
        using var replays = new CounterProbe(server, "cloudconfig.rendezvous.replays");
        using var app = server.CreateAppClient();
        using var agent = server.CreateInstanceClient();
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        await app.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo hi"), bootSecret));
        await agent.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate()));

        var error = await Assert.ThrowsAsync<ConfigEntryNotFoundException>(
            () => agent.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, Secret.Generate())));

        Assert.Equal(ConfigEntryNotFoundException.StandardMessage, error.Message);
        Assert.Equal(1, (await app.GetAsync(uuid))!.BootSecretReplays);
        Assert.Equal(1, replays.Total);
    }

    [Fact]
    public async Task Fetch_WrongSecretAndUnknownUuid_AnswerTheSameStatusAndBodyByteForByte()
    {
        await using var server = await TestServer.StartAsync();
        var uuid = Guid.NewGuid();
        await server.Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("x"), Secret.Generate()));
        using var http = server.CreateHttpClient();

        var wrongSecret = await SendAsync(http, uuid, TestServer.Boot(Secret.Generate(), Secret.Generate()));
        var unknownUuid = await SendAsync(http, Guid.NewGuid(), TestServer.Boot(Secret.Generate(), Secret.Generate()));
        var wrongTrust = await SendAsync(http, uuid, new AuthenticationHeaderValue("CloudConfig-Trust", Secret.Generate().Reveal()));

        Assert.Equal(HttpStatusCode.NotFound, wrongSecret.Status);
        Assert.Equal((wrongSecret.Status, wrongSecret.ContentType), (unknownUuid.Status, unknownUuid.ContentType));
        Assert.Equal(wrongSecret.Body, unknownUuid.Body);
        Assert.Equal(wrongSecret.Body, wrongTrust.Body);
        Assert.Equal("application/problem+json", wrongSecret.ContentType);
    }

    [Fact]
    public async Task InstanceCredential_CannotReadAnotherEntryNorCallAnyAppEndpoint()
    {
        await using var server = await TestServer.StartAsync();
        var (a, trustKeyOfA) = await server.ClaimAsync();
        var (b, _) = await server.ClaimAsync();
        var before = await server.Cache.GetAsync(b);
        using var asInstance = server.CreateHttpClient("CloudConfig-Trust " + trustKeyOfA.Reveal());
        using var asBearer = server.CreateHttpClient("Bearer " + trustKeyOfA.Reveal());

        Assert.Equal(HttpStatusCode.NotFound, (await asInstance.GetAsync($"/v1/instances/{b}/configuration")).StatusCode);
        var put = await asInstance.PutAsync($"/v1/instances/{b}/report", Json("""{"status":{"state":"failed"}}"""));
        Assert.True(put.StatusCode == HttpStatusCode.NotFound, await put.Content.ReadAsStringAsync());
        foreach (var client in new[] { asInstance, asBearer })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync($"/v1/entries/{a}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/v1/entries")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.DeleteAsync($"/v1/entries/{b}")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PutAsync($"/v1/entries/{b}/configuration", Json("""{"configuration":{"contentType":"text/plain","base64":"eA=="}}"""))).StatusCode);
        }

        Assert.Equal(before, await server.Cache.GetAsync(b));
        Assert.Equal(2, server.Cache.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer wrong-key-wrong-key-wrong-key")]
    [InlineData("Bearer test-api-key-0123456789abcdeX")]
    [InlineData("Bearer test-api-key-0123456789abcde")]
    [InlineData("bearer test-api-key-0123456789abcdef")]
    public async Task AppEndpoints_MissingOrWrongApiKey_Get401WithABearerChallenge(string? authorization)
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.CreateHttpClient(authorization);

        var response = await http.GetAsync("/v1/entries");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Contains("urn:cloudconfig:problem:unauthorized", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PreRegister_BodyOverTheLimit_Gets413AndStoresNothing(bool withContentLength)
    {
        await using var server = await TestServer.StartAsync(limits: new ConfigCacheLimits { MaxConfigurationBytes = 1024 });
        using var http = server.CreateAppHttpClient();
        var body = System.Text.Encoding.UTF8.GetBytes($$$"""{"uuid":"{{{Guid.NewGuid()}}}","credentialHash":"x","configuration":{"contentType":"a/b","base64":"{{{new string('A', 200_000)}}}"}}""");
        HttpContent content = withContentLength ? new ByteArrayContent(body) : new StreamContent(new NonSeekableStream(body));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var response = await http.PostAsync("/v1/entries", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, server.Cache.Count);
    }

    [Fact]
    public async Task PreRegister_ThroughTheClientOverTheBodyLimit_ThrowsConfigurationTooLarge()
    {
        await using var server = await TestServer.StartAsync(limits: new ConfigCacheLimits { MaxConfigurationBytes = 1024 });
        using var app = server.CreateAppClient();

        await Assert.ThrowsAsync<ConfigurationTooLargeException>(() => app.PreRegisterAsync(
            ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromBytes(new byte[200_000]), Secret.Generate())));
        Assert.Equal(0, server.Cache.Count);
    }

    [Fact]
    public async Task Fetch_BurstOfWrongSecretsFromOneAddress_IsThrottledWhileAnAgentElsewhereIsNot()
    {
        await using var server = await TestServer.StartAsync(
            configure: options => (options.FailuresPerAddress, options.FailuresPerEntry) = (5, 5),
            configureApp: app =>
            {
                // Only this test trusts X-Forwarded-For, from the loopback proxy, to play two source addresses.
                var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor };
                forwarded.KnownProxies.Add(IPAddress.Loopback);
                app.UseForwardedHeaders(forwarded);
            });
        var victimUuid = Guid.NewGuid();
        var victimSecret = Secret.Generate();
        await server.Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(victimUuid, ConfigurationContent.FromText("x"), victimSecret));
        var agentUuid = Guid.NewGuid();
        var agentSecret = Secret.Generate();
        await server.Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(agentUuid, ConfigurationContent.FromText("y"), agentSecret));
        using var attacker = server.CreateHttpClient();
        attacker.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.9");
        using var agent = server.CreateHttpClient();
        agent.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await SendAsync(attacker, victimUuid, TestServer.Boot(Secret.Generate(), Secret.Generate()))).Status);
        }

        var rightSecretFromAttacker = await SendAsync(attacker, Guid.NewGuid(), TestServer.Boot(Secret.Generate(), Secret.Generate()));
        var trustKey = Secret.Generate();
        var agentStatuses = new List<HttpStatusCode>();
        agentStatuses.Add((await SendAsync(agent, agentUuid, TestServer.Boot(agentSecret, trustKey))).Status);
        for (var i = 0; i < 30; i++)
        {
            agentStatuses.Add((await SendAsync(agent, agentUuid, new AuthenticationHeaderValue("CloudConfig-Trust", trustKey.Reveal()))).Status);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 5), statuses.Take(5));
        Assert.All(statuses.Skip(5), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, rightSecretFromAttacker.Status);
        Assert.All(agentStatuses, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.False((await server.Cache.GetAsync(victimUuid))!.IsClaimed);
    }

    [Fact]
    public async Task Fetch_FailuresOnOneUuidFromManyAddressesInAnyUuidFormat_AreThrottledPerUuid()
    {
        await using var server = await TestServer.StartAsync(
            configure: options => (options.FailuresPerAddress, options.FailuresPerEntry) = (1000, 3),
            configureApp: app =>
            {
                var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor };
                forwarded.KnownProxies.Add(IPAddress.Loopback);
                app.UseForwardedHeaders(forwarded);
            });
        var uuid = Guid.NewGuid();
        var formats = new[] { "D", "N", "B", "P" };

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < formats.Length; i++)
        {
            using var http = server.CreateHttpClient("CloudConfig-Trust " + Secret.Generate().Reveal());
            http.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{i + 1}");
            statuses.Add((await http.GetAsync($"/v1/instances/{uuid.ToString(formats[i])}/configuration")).StatusCode);
        }

        using var other = server.CreateHttpClient("CloudConfig-Trust " + Secret.Generate().Reveal());
        other.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.1");
        var anotherUuid = (await other.GetAsync($"/v1/instances/{Guid.NewGuid()}/configuration")).StatusCode;

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.NotFound, anotherUuid);
    }

    [Fact]
    public async Task Throttled_Answer_CarriesRetryAfterAndAProblem()
    {
        await using var server = await TestServer.StartAsync(configure: options => (options.FailuresPerAddress, options.FailureWindow) = (1, TimeSpan.FromMinutes(1)));
        using var http = server.CreateHttpClient("Bearer nope-nope-nope-nope-nope");
        await http.GetAsync("/v1/entries");

        var response = await http.GetAsync("/v1/entries");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter?.Delta);
        Assert.Contains("urn:cloudconfig:problem:rate-limited", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string? ContentType, byte[] Body)> SendAsync(HttpClient http, Guid uuid, AuthenticationHeaderValue authorization)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/instances/{uuid}/configuration");
        request.Headers.Authorization = authorization;
        using var response = await http.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsByteArrayAsync());
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Sums one counter of one server's meter (not of other servers running in parallel).</summary>
    private sealed class CounterProbe : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _total;

        public CounterProbe(TestServer server, string instrument)
        {
            var factory = server.Server.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (published, listener) =>
            {
                if (published.Name == instrument && ReferenceEquals(published.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(published);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
            _listener.Start();
        }

        public long Total => Interlocked.Read(ref _total);

        public void Dispose() => _listener.Dispose();
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
