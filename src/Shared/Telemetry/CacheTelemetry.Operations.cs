// Shared source: compiled into each package that needs it (see the Compile items in its project), internal to
// each, so no package exposes it and none depends on another for it. Plain comments, not XML docs: one member in two
// packages' documentation files breaks tools that merge them (ASP.NET Core's OpenAPI comments fail on the duplicate).
using System.Diagnostics;

namespace CloudConfig.Core;

// One method per IConfigCache operation: a cache's public method passes itself, its arguments and its own
// implementation (a static lambda, so nothing is allocated to pass it), and gets that implementation's task back
// untouched when nothing listens, or traced and measured when something does.
internal sealed partial class CacheTelemetry
{
    private const string GenerationTag = "cloudconfig.generation";
    private const string RemovedTag = "cloudconfig.removed";

    public Task<ConfigEntry> PreRegisterAsync<TCache>(TCache cache, ConfigRegistration registration, CancellationToken cancellationToken, Func<TCache, ConfigRegistration, CancellationToken, Task<ConfigEntry>> run) =>
        IsOn ? TracePreRegisterAsync(cache, registration, cancellationToken, run) : run(cache, registration, cancellationToken);

    public Task<ConfigEntry?> GetAsync<TCache>(TCache cache, Guid uuid, CancellationToken cancellationToken, Func<TCache, Guid, CancellationToken, Task<ConfigEntry?>> run) =>
        IsOn ? TraceGetAsync(cache, uuid, cancellationToken, run) : run(cache, uuid, cancellationToken);

    public Task<ConfigEntry> UpdateConfigurationAsync<TCache>(TCache cache, Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken, Func<TCache, Guid, ConfigurationContent, CancellationToken, Task<ConfigEntry>> run) =>
        IsOn ? TraceUpdateConfigurationAsync(cache, uuid, configuration, cancellationToken, run) : run(cache, uuid, configuration, cancellationToken);

    public Task<bool> RemoveAsync<TCache>(TCache cache, Guid uuid, CancellationToken cancellationToken, Func<TCache, Guid, CancellationToken, Task<bool>> run) =>
        IsOn ? TraceRemoveAsync(cache, uuid, cancellationToken, run) : run(cache, uuid, cancellationToken);

    public Task<int> RemoveStaleAsync<TCache>(TCache cache, TimeSpan timeout, CancellationToken cancellationToken, Func<TCache, TimeSpan, CancellationToken, Task<int>> run) =>
        IsOn ? TraceRemoveStaleAsync(cache, timeout, cancellationToken, run) : run(cache, timeout, cancellationToken);

    public IAsyncEnumerable<ConfigEntry> List<TCache>(TCache cache, ConfigEntryQuery? query, CancellationToken cancellationToken, Func<TCache, ConfigEntryQuery?, CancellationToken, IAsyncEnumerable<ConfigEntry>> run) =>
        IsOn ? ListAsync(run(cache, query, cancellationToken), cancellationToken) : run(cache, query, cancellationToken);

    public Task<InstanceConfiguration> FetchAsync<TCache>(TCache cache, Guid uuid, InstanceCredential credential, CancellationToken cancellationToken, Func<TCache, Guid, InstanceCredential, CancellationToken, Task<InstanceConfiguration>> run) =>
        IsOn ? TraceFetchAsync(cache, uuid, credential, cancellationToken, run) : run(cache, uuid, credential, cancellationToken);

    public Task UpdateCacheAsync<TCache>(TCache cache, Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken, Func<TCache, Guid, Secret, InstanceReport, CancellationToken, Task> run) =>
        IsOn ? TraceUpdateCacheAsync(cache, uuid, trustKey, report, cancellationToken, run) : run(cache, uuid, trustKey, report, cancellationToken);

    public Task<InstanceConfiguration?> WaitForUpdateAsync<TCache>(TCache cache, Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken, Func<TCache, Guid, Secret, long, TimeSpan, CancellationToken, Task<InstanceConfiguration?>> run) =>
        IsOn ? TraceWaitForUpdateAsync(cache, uuid, trustKey, knownGeneration, timeout, cancellationToken, run) : run(cache, uuid, trustKey, knownGeneration, timeout, cancellationToken);

    public Task<InstanceConfiguration> AssignDynamicAsync<TCache>(TCache cache, string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken, Func<TCache, string, Secret, Secret, CancellationToken, Task<InstanceConfiguration>> run) =>
        IsOn ? TraceAssignDynamicAsync(cache, pool, poolCredential, trustKey, cancellationToken, run) : run(cache, pool, poolCredential, trustKey, cancellationToken);

    private Task<ConfigEntry> TracePreRegisterAsync<TCache>(TCache cache, ConfigRegistration registration, CancellationToken cancellationToken, Func<TCache, ConfigRegistration, CancellationToken, Task<ConfigEntry>> run) =>
        RunAsync(new CacheCall(CacheOperations.PreRegister, registration?.Uuid, registration?.DynamicPool), () => run(cache, registration!, cancellationToken), null);

    private Task<ConfigEntry?> TraceGetAsync<TCache>(TCache cache, Guid uuid, CancellationToken cancellationToken, Func<TCache, Guid, CancellationToken, Task<ConfigEntry?>> run) =>
        RunAsync(new CacheCall(CacheOperations.Get, uuid), () => run(cache, uuid, cancellationToken), static (activity, entry) => activity.SetTag("db.response.returned_rows", entry is null ? 0 : 1));

    private Task<ConfigEntry> TraceUpdateConfigurationAsync<TCache>(TCache cache, Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken, Func<TCache, Guid, ConfigurationContent, CancellationToken, Task<ConfigEntry>> run) =>
        RunAsync(new CacheCall(CacheOperations.UpdateConfiguration, uuid), () => run(cache, uuid, configuration, cancellationToken), static (activity, entry) => activity.SetTag(GenerationTag, entry.Generation));

    private Task<bool> TraceRemoveAsync<TCache>(TCache cache, Guid uuid, CancellationToken cancellationToken, Func<TCache, Guid, CancellationToken, Task<bool>> run) =>
        RunAsync(new CacheCall(CacheOperations.Remove, uuid), () => run(cache, uuid, cancellationToken), static (activity, removed) => activity.SetTag(RemovedTag, removed ? 1 : 0));

    private Task<int> TraceRemoveStaleAsync<TCache>(TCache cache, TimeSpan timeout, CancellationToken cancellationToken, Func<TCache, TimeSpan, CancellationToken, Task<int>> run) =>
        RunAsync(new CacheCall(CacheOperations.RemoveStale), () => run(cache, timeout, cancellationToken), static (activity, removed) => activity.SetTag(RemovedTag, removed));

    private Task<InstanceConfiguration> TraceFetchAsync<TCache>(TCache cache, Guid uuid, InstanceCredential credential, CancellationToken cancellationToken, Func<TCache, Guid, InstanceCredential, CancellationToken, Task<InstanceConfiguration>> run) =>
        RunAsync(new CacheCall(CacheOperations.Fetch, uuid, Credential: CredentialKind(credential)), () => run(cache, uuid, credential, cancellationToken), Served);

    private Task<bool> TraceUpdateCacheAsync<TCache>(TCache cache, Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken, Func<TCache, Guid, Secret, InstanceReport, CancellationToken, Task> run) =>
        RunAsync(
            new CacheCall(CacheOperations.UpdateCache, uuid, Credential: "trust"),
            async () =>
            {
                await run(cache, uuid, trustKey, report, cancellationToken).ConfigureAwait(false);
                return true;
            },
            null);

    private Task<InstanceConfiguration?> TraceWaitForUpdateAsync<TCache>(TCache cache, Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken, Func<TCache, Guid, Secret, long, TimeSpan, CancellationToken, Task<InstanceConfiguration?>> run) =>
        RunAsync<InstanceConfiguration?>(
            new CacheCall(CacheOperations.WaitForUpdate, uuid, Credential: "trust", KnownGeneration: knownGeneration),
            () => run(cache, uuid, trustKey, knownGeneration, timeout, cancellationToken),
            static (activity, updated) =>
            {
                // A long poll that ends without anything newer is an answer, not a failure: it has no generation.
                if (updated is not null)
                {
                    Served(activity, updated);
                }
            });

    private Task<InstanceConfiguration> TraceAssignDynamicAsync<TCache>(TCache cache, string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken, Func<TCache, string, Secret, Secret, CancellationToken, Task<InstanceConfiguration>> run) =>
        RunAsync(new CacheCall(CacheOperations.AssignDynamic, Pool: pool), () => run(cache, pool, poolCredential, trustKey, cancellationToken), Served);

    // The entry served (for assign_dynamic, the entry claimed) and its generation.
    private static void Served(Activity activity, InstanceConfiguration served)
    {
        activity.SetTag(UuidTag, served.Uuid.ToString("D"));
        activity.SetTag(GenerationTag, served.Generation);
    }

    private static string? CredentialKind(InstanceCredential? credential) => credential is null ? null : credential.IsFirstContact ? "boot" : "trust";
}
