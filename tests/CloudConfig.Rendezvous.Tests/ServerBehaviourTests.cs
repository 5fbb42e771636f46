using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Rendezvous.Tests;

public sealed class ServerBehaviourTests
{
    [Fact]
    public async Task Health_WithoutCredentials_AnswersOk()
    {
        await using var server = await TestServer.StartAsync();
        using var http = server.CreateHttpClient();

        var response = await http.GetAsync("/v1/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task WaitForUpdate_ALongerWaitThanTheServerAllows_IsCutToItsBound()
    {
        await using var server = await TestServer.StartAsync(configure: o => o.MaxLongPoll = TimeSpan.Zero);
        var (uuid, trustKey) = await server.ClaimAsync();
        using var http = server.CreateHttpClient("CloudConfig-Trust " + trustKey.Reveal());

        var response = await http.GetAsync($"/v1/instances/{uuid}/configuration/updates?after=1&timeoutMs=3600000");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Fact]
    public async Task WaitForUpdate_WhenTheServerStops_IsAnswered503WithRetryAfterAtOnce()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        var server = await TestServer.StartAsync(time, configure: o => o.MaxLongPoll = TimeSpan.FromHours(1));
        var (uuid, trustKey) = await server.ClaimAsync();
        time.Advance(TimeSpan.FromMinutes(1));
        using var http = server.CreateHttpClient("CloudConfig-Trust " + trustKey.Reveal());
        var longPoll = http.GetAsync($"/v1/instances/{uuid}/configuration/updates?after=1&timeoutMs=3600000");
        // Its credential check is a contact: once it shows, the poll is past it (and waits on the fake clock, forever).
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while ((await server.Cache.GetAsync(uuid))!.LastContactAt != time.GetUtcNow())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), "The long poll never reached its credential check.");
            await Task.Delay(10);
        }

        var stopping = server.DisposeAsync();
        using var response = await longPoll;
        await stopping;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
        Assert.Contains("urn:cloudconfig:problem:unavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitForUpdate_IfNoneMatchWithAnOlderETag_ReturnsTheNewerConfigurationAndItsETag()
    {
        await using var server = await TestServer.StartAsync();
        var (uuid, trustKey) = await server.ClaimAsync();
        using var http = server.CreateHttpClient("CloudConfig-Trust " + trustKey.Reveal());
        var fetched = await http.GetAsync($"/v1/instances/{uuid}/configuration");
        await server.Cache.UpdateConfigurationAsync(uuid, ConfigurationContent.FromText("v2"));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/instances/{uuid}/configuration/updates?timeoutMs=0");
        request.Headers.IfNoneMatch.Add(fetched.Headers.ETag!);

        var response = await http.SendAsync(request);

        Assert.Equal("\"g1\"", fetched.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"g2\"", response.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Refusals_AreLoggedAsOneSummaryWithTheUuidAndNeverTheSecret()
    {
        var logs = new CapturingLoggerProvider();
        var server = await TestServer.StartAsync(logs: logs);
        var (uuid, bootSecret, trustKey) = await server.ClaimWithSecretsAsync();
        var wrongKey = Secret.Generate();
        using (var agent = server.CreateInstanceClient())
        using (var app = new RendezvousConfigCache(Microsoft.Extensions.Options.Options.Create(new RendezvousConfigCacheOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = "wrong-" + TestServer.ApiKey,
            MaxRetryAttempts = 0,
        })))
        {
            await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => agent.FetchAsync(uuid, InstanceCredential.Trusted(wrongKey)));
            await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => agent.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, wrongKey)));
            await Assert.ThrowsAnyAsync<ConfigCacheException>(() => app.GetAsync(uuid));
        }

        var beforeTheSummary = logs.Lines.Count(l => l.Category.StartsWith("CloudConfig.Rendezvous", StringComparison.Ordinal));
        await server.DisposeAsync();

        var lines = logs.Lines.Where(l => l.Category.StartsWith("CloudConfig.Rendezvous", StringComparison.Ordinal)).Select(l => l.Text).ToList();
        Assert.Equal(1, beforeTheSummary);
        Assert.Contains("ALARM", lines[0], StringComparison.Ordinal);
        Assert.Contains(uuid.ToString(), lines[0], StringComparison.Ordinal);
        var summary = Assert.Single(lines.Skip(1));
        Assert.StartsWith("Refused 3 requests", summary, StringComparison.Ordinal);
        Assert.Contains("fetch: unknown entry or wrong credential 1", summary, StringComparison.Ordinal);
        Assert.Contains("fetch: replayed boot secret 1", summary, StringComparison.Ordinal);
        Assert.Contains("app.get: missing or wrong API key 1", summary, StringComparison.Ordinal);
        Assert.Contains(uuid.ToString(), summary, StringComparison.Ordinal);
        foreach (var secret in new[] { bootSecret.Reveal(), trustKey.Reveal(), wrongKey.Reveal(), TestServer.ApiKey })
        {
            Assert.DoesNotContain(secret, logs.AllText, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadyHost_ByDefault_LogsNoLinePerRequestButConfigurationCanAskForThem(bool configuredToInformation)
    {
        var logs = new CapturingLoggerProvider();
        var server = await RendezvousServer.StartAsync(new RendezvousServerOptions
        {
            Cache = new CloudConfig.Cache.InMemory.InMemoryConfigCache(),
            Configure = o => o.ApiKey = TestServer.ApiKey,
            ConfigureBuilder = builder =>
            {
                builder.Logging.ClearProviders().AddProvider(logs);
                if (configuredToInformation)
                {
                    builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Microsoft", "Information")]);
                }
            },
        });
        using (var http = new HttpClient { BaseAddress = server.Urls[0] })
        {
            for (var i = 0; i < 20; i++)
            {
                (await http.GetAsync("/v1/health/ready")).EnsureSuccessStatusCode();
            }
        }

        await server.DisposeAsync();

        var framework = logs.Lines.Where(l => l.Category.StartsWith("Microsoft.", StringComparison.Ordinal) || l.Category.StartsWith("System.", StringComparison.Ordinal)).ToList();
        if (configuredToInformation)
        {
            Assert.True(framework.Count(l => l.Category == "Microsoft.AspNetCore.Hosting.Diagnostics") >= 20);
        }
        else
        {
            Assert.All(framework, l => Assert.True(l.Level >= LogLevel.Warning, $"{l.Category} {l.Level}: {l.Text}"));
            Assert.Empty(logs.Lines);
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ReadyHost_StartsNoRequestActivityWhileNoRequestIsLogged_AndStillLogsStartUpWarnings(bool configuredToInformation)
    {
        var logs = new CapturingLoggerProvider();
        var seen = new ConcurrentQueue<string?>();
        var server = await RendezvousServer.StartAsync(new RendezvousServerOptions
        {
            Cache = new CloudConfig.Cache.InMemory.InMemoryConfigCache(),
            Configure = o => o.ApiKey = TestServer.ApiKey,
            ConfigureBuilder = builder =>
            {
                builder.Logging.ClearProviders().AddProvider(logs);
                // Ports the server's own URLs override: the host warns about it while starting.
                builder.Configuration.AddInMemoryCollection([new("HTTP_PORTS", "5999")]);
                if (configuredToInformation)
                {
                    builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Microsoft", "Information")]);
                }
            },
            ConfigureApp = app => app.Use(async (context, next) =>
            {
                seen.Enqueue(System.Diagnostics.Activity.Current?.OperationName);
                await next(context);
            }),
        });
        using (var http = new HttpClient { BaseAddress = server.Urls[0] })
        {
            for (var i = 0; i < 5; i++)
            {
                (await http.GetAsync("/v1/health/ready")).EnsureSuccessStatusCode();
            }
        }

        await server.DisposeAsync();

        Assert.Equal(5, seen.Count);
        Assert.All(seen, name => Assert.Equal(configuredToInformation ? "Microsoft.AspNetCore.Hosting.HttpRequestIn" : null, name));
        Assert.Contains(logs.Lines, l => l.Category == "Microsoft.AspNetCore.Hosting.Diagnostics" && l.Level == LogLevel.Warning && l.Text.Contains("HTTP_PORTS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_CountRegistrationsClaimsReportsAndRefusals()
    {
        await using var server = await TestServer.StartAsync();
        using var metrics = new MetricsProbe(server);
        using var app = server.CreateAppClient();
        using var agent = server.CreateInstanceClient();
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        var pool = Secret.Generate();

        await app.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("x"), bootSecret));
        await app.PreRegisterAsync(ConfigRegistration.ForDynamicPool(Guid.NewGuid(), ConfigurationContent.FromText("y"), "web", pool));
        await agent.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        await agent.AssignDynamicAsync("web", pool, Secret.Generate());
        await agent.UpdateCacheAsync(uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured)));
        await Assert.ThrowsAsync<ConfigEntryNotFoundException>(() => agent.FetchAsync(uuid, InstanceCredential.Trusted(Secret.Generate())));

        Assert.Equal(2, metrics.Total("cloudconfig.rendezvous.registrations"));
        Assert.Equal(2, metrics.Total("cloudconfig.rendezvous.claims"));
        Assert.Equal(1, metrics.Total("cloudconfig.rendezvous.reports"));
        Assert.Equal(1, metrics.Total("cloudconfig.rendezvous.refusals"));
    }

    [Fact]
    public async Task List_ManyPages_ReturnsEveryEntryOnceInUuidOrder()
    {
        await using var server = await TestServer.StartAsync(configure: o => o.MaxPageSize = 7);
        var uuids = new List<Guid>();
        for (var i = 0; i < 50; i++)
        {
            uuids.Add(Guid.NewGuid());
            await server.Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuids[^1], ConfigurationContent.FromText("x"), Secret.Generate()));
        }

        using var app = new RendezvousConfigCache(Microsoft.Extensions.Options.Options.Create(new RendezvousConfigCacheOptions
        {
            BaseAddress = server.BaseAddress,
            ApiKey = TestServer.ApiKey,
            PageSize = 7,
        }));
        var listed = new List<Guid>();
        await foreach (var entry in app.ListAsync())
        {
            listed.Add(entry.Uuid);
        }

        Assert.Equal(uuids.Order(), listed);
    }

    [Fact]
    public async Task AddRendezvousInstanceClient_ResolvesAClientForTheConfiguredServer()
    {
        await using var server = await TestServer.StartAsync();
        var (uuid, trustKey) = await server.ClaimAsync();
        using var provider = new ServiceCollection()
            .AddRendezvousInstanceClient(o => o.BaseAddress = server.BaseAddress)
            .BuildServiceProvider();

        var fetched = await provider.GetRequiredService<IConfigRendezvous>().FetchAsync(uuid, InstanceCredential.Trusted(trustKey));

        Assert.Equal(uuid, fetched.Uuid);
    }

    [Fact]
    public async Task MapConfigRendezvous_WithoutAddConfigRendezvous_SaysWhatIsMissing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        await using var app = builder.Build();

        var error = Assert.Throws<InvalidOperationException>(() => app.MapConfigRendezvous());

        Assert.Contains("AddConfigRendezvous", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MapConfigRendezvous_WithoutUseRateLimiter_StillEnforcesTheFailureLimits()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddInMemoryConfigCache();
        builder.Services.AddConfigRendezvous(o => (o.ApiKey, o.FailuresPerAddress, o.FailureWindow) = (TestServer.ApiKey, 2, TimeSpan.FromMinutes(1)));
        await using var app = builder.Build();
        // Deliberately no app.UseRateLimiter(): the limits must not depend on the app remembering it.
        app.MapConfigRendezvous();
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.First()) };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", $"CloudConfig-Boot {Secret.Generate().Reveal()} {Secret.Generate().Reveal()}");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var response = await http.GetAsync($"/v1/instances/{Guid.NewGuid()}/configuration");
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        await app.StopAsync();
    }

    /// <summary>Sums the counters of one server's meter.</summary>
    private sealed class MetricsProbe : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentDictionary<string, long> _totals = new();

        public MetricsProbe(TestServer server)
        {
            var factory = server.Server.Services.GetRequiredService<IMeterFactory>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => _totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value));
            _listener.Start();
        }

        public long Total(string name) => _totals.GetValueOrDefault(name);

        public void Dispose() => _listener.Dispose();
    }
}
