using System.Diagnostics;
using System.Reflection;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Redis.Tests.Samples;

/// <summary><c>samples/RendezvousServer --redis</c>, run as the separate OS process it is.</summary>
[Collection(RedisCollection.Name)]
public sealed class RendezvousServerSampleTests(RedisServerFixture redis)
{
    private const string ApiKey = "sample-api-key-0123456789abcdef";
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Run_TwoServersWithTheSameRedis_ServeTheSameEntriesKeptInRedis()
    {
        await using var first = await SampleProcess.StartAsync("--redis", redis.Server.ConnectionString, "http://127.0.0.1:0");
        await using var second = await SampleProcess.StartAsync("--redis", redis.Server.ConnectionString, "http://127.0.0.1:0");
        using var throughFirst = AppClient(first.Url);
        using var throughSecond = AppClient(second.Url);
        await using var direct = redis.CreateCache(keyPrefix: RedisConfigCacheOptions.DefaultKeyPrefix);
        var viaHttp = ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("registered over http"), Secret.Generate());
        var viaRedis = ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("registered in redis"), Secret.Generate());

        await throughFirst.PreRegisterAsync(viaHttp);
        await direct.PreRegisterAsync(viaRedis);

        Assert.Equal("Cache: Redis (key prefix 'cloudconfig')", first.CacheLine);
        Assert.NotEqual(first.Url, second.Url);
        Assert.Equal("registered over http", (await direct.GetAsync(viaHttp.Uuid))!.Configuration.AsText());
        Assert.Equal("registered over http", (await throughSecond.GetAsync(viaHttp.Uuid))!.Configuration.AsText());
        Assert.Equal("registered in redis", (await throughFirst.GetAsync(viaRedis.Uuid))!.Configuration.AsText());
        Assert.Equal("registered in redis", (await throughSecond.GetAsync(viaRedis.Uuid))!.Configuration.AsText());
    }

    [Fact]
    public async Task Run_WithoutRedis_KeepsEntriesInMemory()
    {
        await using var server = await SampleProcess.StartAsync("http://127.0.0.1:0");

        Assert.Equal("Cache: in memory (entries are lost when the server stops)", server.CacheLine);
    }

    [Fact]
    public async Task Run_RedisOptionWithoutAValue_ExitsWithUsage()
    {
        using var process = SampleProcess.Launch("--redis");
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("'--redis'", error, StringComparison.Ordinal);
        Assert.Contains("Run 'RendezvousServer --help' for usage.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sigterm_WithALongPollOpen_AnswersIt503AtOnceAndExitsWithinTwoSeconds()
    {
        await using var server = await SampleProcess.StartAsync("http://127.0.0.1:0");
        using var app = AppClient(server.Url);
        var uuid = Guid.NewGuid();
        var bootSecret = Secret.Generate();
        var trustKey = Secret.Generate();
        await app.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("x"), bootSecret));
        using (var agent = new RendezvousInstanceClient(server.Url))
        {
            await agent.FetchAsync(uuid, InstanceCredential.FirstContact(bootSecret, trustKey));
        }

        var firstContact = (await app.GetAsync(uuid))!.LastContactAt;
        using var http = new HttpClient { BaseAddress = server.Url, Timeout = ProcessTimeout };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/v1/instances/{uuid}/configuration/updates?after=1&timeoutMs=30000");
        request.Headers.TryAddWithoutValidation("Authorization", "CloudConfig-Trust " + trustKey.Reveal());
        var longPoll = http.SendAsync(request);
        // The long poll has passed its credential check (a contact) and is waiting once the contact shows.
        await WaitUntilAsync(async () => (await app.GetAsync(uuid))!.LastContactAt > firstContact);

        var signalled = Stopwatch.StartNew();
        await server.TerminateAsync();
        using var answer = await longPoll;
        var answeredAfter = signalled.Elapsed;
        var exitCode = await server.WaitForExitAsync();
        var exitedAfter = signalled.Elapsed;

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, answer.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), answer.Headers.RetryAfter?.Delta);
        Assert.Equal(0, exitCode);
        Assert.True(answeredAfter < TimeSpan.FromSeconds(2), $"The long poll was answered {answeredAfter.TotalSeconds:0.00} s after SIGTERM.");
        Assert.True(exitedAfter < TimeSpan.FromSeconds(2), $"The server exited {exitedAfter.TotalSeconds:0.00} s after SIGTERM.");
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(deadline.Elapsed < ProcessTimeout, "The condition did not come true in time.");
            await Task.Delay(20);
        }
    }

    private static RendezvousConfigCache AppClient(Uri url) =>
        new(Options.Create(new RendezvousConfigCacheOptions { BaseAddress = url, ApiKey = ApiKey }));

    /// <summary>One running sample server; disposing kills it.</summary>
    private sealed class SampleProcess : IAsyncDisposable
    {
        private readonly Process _process;
        private readonly Task _drain;

        private SampleProcess(Process process, Uri url, string cacheLine)
        {
            _process = process;
            Url = url;
            CacheLine = cacheLine;
            // Keeps reading its log so the pipe never fills and blocks it.
            _drain = process.StandardOutput.ReadToEndAsync();
        }

        public Uri Url { get; }

        public string CacheLine { get; }

        public static Process Launch(params string[] arguments)
        {
            var sample = typeof(RendezvousServerSampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "RendezvousServerSamplePath").Value!;
            Assert.True(File.Exists(sample), $"The sample was not built at {sample}.");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(sample);
            foreach (var argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            start.Environment["CLOUDCONFIG_API_KEY"] = ApiKey;
            start.Environment.Remove("CLOUDCONFIG_REDIS");
            start.Environment.Remove("CLOUDCONFIG_CERTIFICATE");
            return Process.Start(start)!;
        }

        public static async Task<SampleProcess> StartAsync(params string[] arguments)
        {
            var process = Launch(arguments);
            try
            {
                using var timeout = new CancellationTokenSource(ProcessTimeout);
                string? listening = null;
                while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                {
                    if (line.StartsWith("Listening on ", StringComparison.Ordinal))
                    {
                        listening = line["Listening on ".Length..];
                    }
                    else if (listening is not null && line.StartsWith("Cache: ", StringComparison.Ordinal))
                    {
                        return new SampleProcess(process, new Uri(listening), line);
                    }
                }

                throw new InvalidOperationException($"The sample ended before listening: {await process.StandardError.ReadToEndAsync(timeout.Token)}");
            }
            catch
            {
                Kill(process);
                process.Dispose();
                throw;
            }
        }

        /// <summary>Asks the server to stop as systemd would, with SIGTERM.</summary>
        public async Task TerminateAsync()
        {
            using var kill = Process.Start(new ProcessStartInfo("/bin/sh") { ArgumentList = { "-c", $"kill -TERM {_process.Id}" }, UseShellExecute = false })!;
            await kill.WaitForExitAsync();
            Assert.Equal(0, kill.ExitCode);
        }

        public async Task<int> WaitForExitAsync()
        {
            await _process.WaitForExitAsync().WaitAsync(ProcessTimeout);
            return _process.ExitCode;
        }

        public async ValueTask DisposeAsync()
        {
            Kill(_process);
            await _drain.WaitAsync(ProcessTimeout);
            _process.Dispose();
        }

        private static void Kill(Process process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit();
            }
        }
    }
}
