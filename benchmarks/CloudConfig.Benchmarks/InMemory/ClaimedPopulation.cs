using CloudConfig.Cache.InMemory;
using CloudConfig.Core;

namespace CloudConfig.Benchmarks.InMemory;

/// <summary>
/// The same claimed entries in our cache and in the dictionary baseline, all bound to one trust key (the cost
/// of a fetch or report does not depend on which key).
/// </summary>
internal sealed record ClaimedPopulation(InMemoryConfigCache Cache, DictionaryBaseline Baseline, Guid[] Uuids, Secret TrustKey)
{
    public static ClaimedPopulation Create(int count, ConfigurationContent configuration)
    {
        var cache = new InMemoryConfigCache();
        var baseline = new DictionaryBaseline();
        var trustKey = Secret.Generate();
        var uuids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            var bootSecret = Secret.Generate();
            uuids[i] = Guid.NewGuid();
            cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuids[i], configuration, bootSecret)).GetAwaiter().GetResult();
            cache.FetchAsync(uuids[i], InstanceCredential.FirstContact(bootSecret, trustKey)).GetAwaiter().GetResult();
            baseline.Insert(uuids[i], configuration, DictionaryBaseline.Hash(trustKey.Reveal()), DateTimeOffset.UnixEpoch);
        }

        return new ClaimedPopulation(cache, baseline, uuids, trustKey);
    }
}
