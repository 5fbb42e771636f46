using System.Diagnostics;
using System.Reflection;
using CloudConfig.Core;
using Xunit.Abstractions;

namespace CloudConfig.Cache.Redis.Tests;

/// <summary><c>assign_dynamic</c> across OS processes: each its own connection, all racing for one pool.</summary>
[Collection(RedisCollection.Name)]
public sealed class RedisClaimerProcessTests(RedisServerFixture redis, ITestOutputHelper output)
{
    private const int Entries = 10_000;
    private const int ClaimersPerProcess = 32;
    private static readonly TimeSpan ProcessTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task AssignDynamic_TwoProcessesWith32ClaimersEach_HandEachEntryOutExactlyOnce()
    {
        var prefix = RedisServerFixture.NewPrefix();
        var credential = Secret.Generate();
        await using var cache = redis.CreateCache(keyPrefix: prefix);
        var registered = new Guid[Entries];
        await Parallel.ForAsync(0, Entries, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            registered[i] = Guid.NewGuid();
            await cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(registered[i], ConfigurationContent.FromText($"echo {i}"), "storm", credential), ct);
        });

        var processes = new[] { StartClaimer(prefix, credential), StartClaimer(prefix, credential) };
        try
        {
            foreach (var process in processes)
            {
                Assert.Equal("ready", await ReadLineAsync(process));
            }

            // Both are connected and waiting: release them together.
            foreach (var process in processes)
            {
                await process.StandardInput.WriteLineAsync();
                await process.StandardInput.FlushAsync();
            }

            var claimedByProcess = await Task.WhenAll(processes.Select(ReadClaimsAsync));
            var claimed = claimedByProcess.SelectMany(c => c).ToList();
            output.WriteLine($"Claimed per process: {string.Join(", ", claimedByProcess.Select(c => c.Count))}");

            Assert.Equal(Entries, claimed.Count);
            Assert.Equal(Entries, claimed.Distinct().Count());
            Assert.Equal(registered.Order(), claimed.Order());
            Assert.All(claimedByProcess, c => Assert.NotEmpty(c));
            await Assert.ThrowsAsync<NoDynamicEntryAvailableException>(() => cache.AssignDynamicAsync("storm", credential, Secret.Generate()));
            var sample = await cache.GetAsync(registered[Entries / 2]);
            Assert.True(sample!.IsClaimed);
        }
        finally
        {
            foreach (var process in processes)
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.Dispose();
            }
        }
    }

    private Process StartClaimer(string prefix, Secret credential)
    {
        var claimer = typeof(RedisClaimerProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "ClaimerPath").Value!;
        Assert.True(File.Exists(claimer), $"The claimer was not built at {claimer}.");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { claimer, redis.Server.ConnectionString, prefix, "storm", ClaimersPerProcess.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        // Not on the command line, which every user of the machine can read.
        start.Environment["CLAIMER_POOL_CREDENTIAL"] = credential.Reveal();
        return Process.Start(start)!;
    }

    private static async Task<string?> ReadLineAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(ProcessTimeout);
        return await process.StandardOutput.ReadLineAsync(timeout.Token);
    }

    private static async Task<List<Guid>> ReadClaimsAsync(Process process)
    {
        var claims = new List<Guid>();
        while (await ReadLineAsync(process) is { } line)
        {
            if (line.StartsWith("done ", StringComparison.Ordinal))
            {
                Assert.Equal(claims.Count, int.Parse(line["done ".Length..], System.Globalization.CultureInfo.InvariantCulture));
                using var timeout = new CancellationTokenSource(ProcessTimeout);
                await process.WaitForExitAsync(timeout.Token);
                Assert.Equal(0, process.ExitCode);
                return claims;
            }

            claims.Add(Guid.ParseExact(line, "N"));
        }

        throw new InvalidOperationException($"The claimer ended without reporting (exit code {(process.HasExited ? process.ExitCode : -1)}).");
    }
}
