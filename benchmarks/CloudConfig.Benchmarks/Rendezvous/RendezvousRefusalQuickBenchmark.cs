using System.Diagnostics;
using System.Text;
using CloudConfig.Benchmarks.Quick;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using CloudConfig.Rendezvous.Protocol;
using CloudConfig.Testing.Redis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Benchmarks.Rendezvous;

/// <summary>
/// What refused requests cost the ready host: log bytes per refusal at its default levels, against the same
/// refusals with the framework's request logging on; and, on Redis, a refused boot fetch of an existing uuid
/// against one of an unknown uuid (a ratio near 1 means no timing tells them apart).
/// </summary>
public sealed class RendezvousRefusalQuickBenchmark : IQuickBenchmark
{
    private const string ApiKey = "benchmark-api-key-0123456789";
    private const int Refusals = 2_000;
    private const int TimedFetches = 2_000;

    public async Task<IReadOnlyList<QuickFigure>> RunAsync(CancellationToken cancellationToken) =>
        [await LogBytesPerRefusalAsync(), await RefusedFetchExistingVersusUnknownAsync(cancellationToken)];

    private static async Task<QuickFigure> LogBytesPerRefusalAsync()
    {
        var ours = await LogBytesAsync(frameworkAtInformation: false);
        var requestLogging = await LogBytesAsync(frameworkAtInformation: true);
        return new QuickFigure("rendezvous.log_bytes_per_refusal", ours / requestLogging, ours, "B/refusal");
    }

    /// <summary>Log bytes per refused request, formatted as the console writes them, including the summary written at stop.</summary>
    private static async Task<double> LogBytesAsync(bool frameworkAtInformation)
    {
        var counter = new LogByteCounter();
        var server = await RendezvousServer.StartAsync(new RendezvousServerOptions
        {
            Cache = new CloudConfig.Cache.InMemory.InMemoryConfigCache(),
            Configure = o => o.ApiKey = ApiKey,
            ConfigureBuilder = builder =>
            {
                // The host's default levels stay; only the console is swapped for a counter of what it would write.
                builder.Logging.ClearProviders().AddProvider(counter);
                if (frameworkAtInformation)
                {
                    builder.Configuration.AddInMemoryCollection([new("Logging:LogLevel:Microsoft", "Information")]);
                }
            },
        });
        using (var http = new HttpClient { BaseAddress = server.Urls[0] })
        {
            await LoadGenerator.RunAsync(8, Refusals, async _ =>
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, RendezvousRoutes.InstanceConfigurationFor(Guid.NewGuid()));
                request.Headers.TryAddWithoutValidation(RendezvousHeaders.Authorization, $"{RendezvousHeaders.TrustScheme} {Secret.Generate().Reveal()}");
                using var response = await http.SendAsync(request);
            });
        }

        await server.DisposeAsync();
        return counter.Bytes / (double)Refusals;
    }

    private static async Task<QuickFigure> RefusedFetchExistingVersusUnknownAsync(CancellationToken cancellationToken)
    {
        await using var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        await using var server = await RendezvousServer.StartAsync(new RendezvousServerOptions
        {
            // Budgets out of the way: this measures the refusal, not the throttle.
            Configure = o => (o.ApiKey, o.FailuresPerAddress, o.FailuresPerEntry) = (ApiKey, 10_000_000, 10_000_000),
            ConfigureBuilder = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Services.AddRedisConfigCache(o => o.Configuration = redis.ConnectionString);
            },
        });
        var existing = Guid.NewGuid();
        var cache = server.Services.GetRequiredService<IConfigCache>();
        await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(existing, ConfigurationContent.FromBytes(new byte[256 * 1024]), Secret.Generate()), cancellationToken);
        using var http = new HttpClient { BaseAddress = server.Urls[0] };
        var wrong = $"{RendezvousHeaders.BootScheme} {Secret.Generate().Reveal()} {Secret.Generate().Reveal()}";

        async Task<double> TimeAsync(Guid uuid)
        {
            var started = Stopwatch.GetTimestamp();
            using var request = new HttpRequestMessage(HttpMethod.Get, RendezvousRoutes.InstanceConfigurationFor(uuid));
            request.Headers.TryAddWithoutValidation(RendezvousHeaders.Authorization, wrong);
            using var response = await http.SendAsync(request, cancellationToken);
            return Stopwatch.GetElapsedTime(started).TotalNanoseconds;
        }

        // One of each in turn, and the median of each: a load that comes and goes hits both alike.
        var unknownNs = new double[TimedFetches];
        var existingNs = new double[TimedFetches];
        for (var i = -100; i < TimedFetches; i++)
        {
            var unknown = await TimeAsync(Guid.NewGuid());
            var known = await TimeAsync(existing);
            if (i >= 0)
            {
                (unknownNs[i], existingNs[i]) = (unknown, known);
            }
        }

        var ratio = Measure.Median(existingNs) / Measure.Median(unknownNs);
        return new QuickFigure("rendezvous.redis_refused_fetch_existing_vs_unknown", ratio, Measure.Median(existingNs), "ns/refusal");
    }

    /// <summary>Counts the bytes the console's simple format would write for every line that passes the host's filters.</summary>
    private sealed class LogByteCounter : ILoggerProvider, ILogger
    {
        private long _bytes;

        public long Bytes => Interlocked.Read(ref _bytes);

        public ILogger CreateLogger(string categoryName) => new Categorised(this, categoryName);

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }

        public void Dispose()
        {
        }

        private sealed class Categorised(LogByteCounter owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                // "warn: Category[4001]\n      message\n", as Microsoft.Extensions.Logging.Console's simple formatter writes it.
                var line = $"{logLevel.ToString()[..4].ToLowerInvariant()}: {category}[{eventId.Id}]\n      {formatter(state, exception)}\n{exception}";
                Interlocked.Add(ref owner._bytes, Encoding.UTF8.GetByteCount(line));
            }
        }
    }
}
