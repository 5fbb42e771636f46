using CloudConfig.Core;

namespace CloudConfig.Benchmarks.Quick;

/// <summary>
/// Entries in a distributed cache in the state a fetch benchmark needs: registered, claimed with one trust key (the
/// cost of a fetch does not depend on which key) and reported once.
/// </summary>
public static class ReportedEntries
{
    private static readonly InstanceReport Report = new(new InstanceStatus(InstanceState.Configured, 0))
    {
        Address = "10.0.0.1",
        Parameters = new Dictionary<string, ParameterValue> { ["port"] = 8080L },
    };

    /// <summary>Registers, claims and reports <paramref name="count"/> entries, <paramref name="concurrency"/> at a time; returns their uuids.</summary>
    public static async Task<Guid[]> CreateAsync(IConfigCache cache, int count, ConfigurationContent configuration, Secret trustKey, int concurrency, CancellationToken cancellationToken)
    {
        var uuids = new Guid[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = cancellationToken }, async (i, ct) =>
        {
            var bootSecret = Secret.Generate();
            uuids[i] = Guid.NewGuid();
            await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuids[i], configuration, bootSecret), ct);
            await cache.FetchAsync(uuids[i], InstanceCredential.FirstContact(bootSecret, trustKey), ct);
            await cache.UpdateCacheAsync(uuids[i], trustKey, Report, ct);
        });
        return uuids;
    }
}
