using BenchmarkDotNet.Attributes;
using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace CloudConfig.Benchmarks.InMemory;

/// <summary>
/// inmemory.preregister_vs_dictionary under BenchmarkDotNet: 1,000 registrations into a fresh cache per invocation
/// (so the cache does not grow without end across iterations), against the same inserts into the dictionary baseline.
/// </summary>
[MemoryDiagnoser]
public class InMemoryRegistrationBenchmarks
{
    private const int Registrations = 1000;
    private static readonly ConfigurationContent Configuration = ConfigurationContent.FromText(new string('x', 512));
    private readonly SecretHash _secretHash = Secret.Generate().Hash();
    private readonly byte[] _rawHash = DictionaryBaseline.Hash(Secret.Generate().Reveal());

    [Benchmark(Baseline = true, OperationsPerInvoke = Registrations)]
    public int DictionaryInsert()
    {
        var baseline = new DictionaryBaseline();
        for (var i = 0; i < Registrations; i++)
        {
            baseline.Insert(Guid.NewGuid(), Configuration, _rawHash, DateTimeOffset.UnixEpoch);
        }

        return baseline.Rows.Count;
    }

    [Benchmark(OperationsPerInvoke = Registrations)]
    public long CachePreRegister()
    {
        var cache = new InMemoryConfigCache();
        for (var i = 0; i < Registrations; i++)
        {
            cache.PreRegisterAsync(new ConfigRegistration(Guid.NewGuid(), Configuration, _secretHash)).GetAwaiter().GetResult();
        }

        return cache.Count;
    }
}
