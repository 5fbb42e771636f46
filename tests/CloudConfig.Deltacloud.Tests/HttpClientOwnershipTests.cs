using System.Collections.Concurrent;
using System.Diagnostics;
using CloudConfig.Deltacloud.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>The client owns only what it created, and takes its HttpClient from the factory per use so handlers rotate.</summary>
public sealed class HttpClientOwnershipTests : IDisposable
{
    private readonly ReplayServer _server = new();

    public HttpClientOwnershipTests()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(RecordedExchange.Get("027"));
    }

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task Client_OverAHandlerItWasHanded_NeitherDisposesNorChangesIt()
    {
        using var handler = new CountingHandler();
        var client = TestClients.Create(_server.ApiUrl, handler: handler);

        await client.Realms.ListAsync();
        client.Dispose();

        using var after = new HttpClient(handler, disposeHandler: false);
        using var answer = await after.GetAsync(_server.ApiUrl);
        Assert.True(answer.IsSuccessStatusCode);
        Assert.Equal(3, handler.Count);
    }

    [Fact]
    public async Task AddDeltacloudClient_DisposingTheClientLeavesTheFactorysClientsWorking()
    {
        await using var provider = new ServiceCollection().AddDeltacloudClient(Configure).BuildServiceProvider();
        var client = provider.GetRequiredService<IDeltacloudClient>();
        await client.Realms.ListAsync();

        ((IDisposable)client).Dispose();

        using var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(DeltacloudServiceCollectionExtensions.HttpClientName);
        using var answer = await http.GetAsync(_server.ApiUrl);
        Assert.True(answer.IsSuccessStatusCode);
    }

    [Fact]
    public async Task AddDeltacloudClient_HonoursTheNamedClientsShorterTimeoutWithoutChangingItsRegistration()
    {
        _server.StubAnswerOnlyWhenDisposed("GET", "/api/realms/slow");
        var services = new ServiceCollection().AddDeltacloudClient(o =>
        {
            Configure(o);
            o.MaxRetryAttempts = 0;
        });
        services.AddHttpClient(DeltacloudServiceCollectionExtensions.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(1));
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IDeltacloudClient>();
        await client.GetEntryPointAsync();

        // RequestTimeout is 30 s: only the registration's 1 s can end this wait.
        var error = await Assert.ThrowsAsync<DeltacloudTimeoutException>(() => client.Realms.GetAsync("slow"));

        using var fresh = provider.GetRequiredService<IHttpClientFactory>().CreateClient(DeltacloudServiceCollectionExtensions.HttpClientName);
        Assert.Equal(TimeSpan.FromSeconds(1), fresh.Timeout);
        Assert.Equal("No answer to GET /api/realms/slow within the request timeout.", error.Message);
    }

    [Fact]
    public async Task AddDeltacloudClient_AsksTheFactoryForTheNamedClientOnEveryRequest()
    {
        var factory = new CountingFactory();
        await using var provider = new ServiceCollection()
            .AddSingleton<IHttpClientFactory>(factory)
            .AddDeltacloudClient(Configure)
            .BuildServiceProvider();
        var client = provider.GetRequiredService<IDeltacloudClient>();

        for (var i = 0; i < 3; i++)
        {
            await client.Realms.ListAsync();
        }

        // The entry point once, then each list: four requests, four clients, all by the documented name.
        Assert.Equal(4, factory.Names.Count);
        Assert.All(factory.Names, name => Assert.Equal(DeltacloudServiceCollectionExtensions.HttpClientName, name));
    }

    [Fact]
    public async Task AddDeltacloudClient_SingletonClientPicksUpRotatedHandlers()
    {
        var handlersBuilt = 0;
        var services = new ServiceCollection().AddDeltacloudClient(Configure);
        services.AddHttpClient(DeltacloudServiceCollectionExtensions.HttpClientName)
            .SetHandlerLifetime(TimeSpan.FromSeconds(1))
            .AddHttpMessageHandler(() =>
            {
                Interlocked.Increment(ref handlersBuilt);
                return new PassThroughHandler();
            });
        await using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<IDeltacloudClient>();

        await client.Realms.ListAsync();
        Assert.Equal(1, Volatile.Read(ref handlersBuilt));

        // The factory's handler lifetime (1 s, its minimum) expires on its own timer: keep using the one client
        // until a request goes through a newly built handler chain.
        var deadline = Stopwatch.StartNew();
        while (Volatile.Read(ref handlersBuilt) < 2 && deadline.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(50);
            await client.Realms.ListAsync();
        }

        Assert.True(Volatile.Read(ref handlersBuilt) >= 2, "The singleton client kept one handler chain beyond its lifetime.");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AddDeltacloudClient_LeavesTheFactorysRequestLinesOutUnlessTheDefaultLoggerIsAddedBack(bool addDefaultLogger)
    {
        var lines = new CategoryCounter();
        var services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(lines).SetMinimumLevel(LogLevel.Trace))
            .AddDeltacloudClient(Configure);
        if (addDefaultLogger)
        {
            services.AddHttpClient(DeltacloudServiceCollectionExtensions.HttpClientName).AddDefaultLogger();
        }

        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IDeltacloudClient>().Realms.ListAsync();

        // The entry point and the list: the default logger writes its lines under System.Net.Http.HttpClient.<name>.
        var factoryLines = lines.Count($"System.Net.Http.HttpClient.{DeltacloudServiceCollectionExtensions.HttpClientName}.");
        if (addDefaultLogger)
        {
            Assert.True(factoryLines >= 2, $"{factoryLines} request lines");
        }
        else
        {
            Assert.Equal(0, factoryLines);
        }
    }

    private void Configure(DeltacloudClientOptions o)
    {
        o.BaseUrl = _server.ApiUrl;
        o.Username = "mockuser";
        o.Password = "mockpassword";
    }

    private sealed class PassThroughHandler : DelegatingHandler;

    private sealed class CategoryCounter : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _categories = new();

        public int Count(string categoryPrefix) => _categories.Count(c => c.StartsWith(categoryPrefix, StringComparison.Ordinal));

        public ILogger CreateLogger(string categoryName) => new Lines(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Lines(CategoryCounter counter, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                counter._categories.Enqueue(category);
        }
    }

    private sealed class CountingFactory : IHttpClientFactory, IDisposable
    {
        private readonly SocketsHttpHandler _handler = new();

        public ConcurrentQueue<string> Names { get; } = new();

        public HttpClient CreateClient(string name)
        {
            Names.Enqueue(name);
            return new HttpClient(_handler, disposeHandler: false);
        }

        public void Dispose() => _handler.Dispose();
    }
}
