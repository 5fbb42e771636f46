using System.Diagnostics;
using CloudConfig.Core;

namespace CloudConfig.Cache.Conformance;

// Every operation once (registration twice: with a boot secret and into a dynamic pool), as an app and its agents
// would call them, and what each one's span must say.
public abstract partial class CacheSpanConformanceTests
{
    private static void AssertOperationTags(Scenario call, IReadOnlyList<Activity> operations)
    {
        var entry = call.Uuid.ToString("D");
        var pooled = call.Pooled.ToString("D");
        void Tagged(int index, string key, object? expected) =>
            Assert.True(Equals(expected, operations[index].GetTagItem(key)), $"{operations[index].DisplayName} (#{index}): {key} is {operations[index].GetTagItem(key) ?? "missing"}, not {expected}");

        Tagged(0, "cloudconfig.entry.uuid", entry);
        Tagged(0, "cloudconfig.pool", null);
        Tagged(1, "cloudconfig.entry.uuid", pooled);
        Tagged(1, "cloudconfig.pool", Scenario.Pool);
        Tagged(2, "cloudconfig.entry.uuid", entry);
        Tagged(2, "db.response.returned_rows", 1);
        Tagged(3, "cloudconfig.entry.uuid", entry);
        Tagged(3, "cloudconfig.credential", "boot");
        Tagged(3, "cloudconfig.generation", 1L);
        Tagged(4, "cloudconfig.entry.uuid", entry);
        Tagged(4, "cloudconfig.credential", "trust");
        Tagged(5, "cloudconfig.entry.uuid", entry);
        Tagged(5, "cloudconfig.generation", 2L);
        Tagged(6, "cloudconfig.entry.uuid", entry);
        Tagged(6, "cloudconfig.known_generation", 1L);
        Tagged(6, "cloudconfig.generation", 2L);
        Tagged(7, "cloudconfig.credential", "trust");
        Tagged(7, "cloudconfig.generation", 2L);
        Tagged(8, "cloudconfig.pool", Scenario.Pool);
        Tagged(8, "cloudconfig.entry.uuid", pooled);
        Tagged(8, "cloudconfig.generation", 1L);
        Tagged(9, "db.response.returned_rows", 2);
        Tagged(10, "cloudconfig.entry.uuid", pooled);
        Tagged(10, "cloudconfig.removed", 1);
        Tagged(11, "cloudconfig.entry.uuid", null);
        Tagged(11, "cloudconfig.removed", 0);
    }

    private sealed class Scenario
    {
        public const string Pool = "spans";

        public static readonly string[] Operations =
        [
            "pre_register", "pre_register", "get", "fetch", "update_cache", "update_configuration", "wait_for_update", "fetch",
            "assign_dynamic", "list", "remove", "remove_stale",
        ];

        private readonly Secret _bootSecret = Secret.Generate();
        private readonly Secret _trustKey = Secret.Generate();
        private readonly Secret _poolCredential = Secret.Generate();
        private readonly Secret _poolTrustKey = Secret.Generate();
        private readonly string _configurationMarker = "configuration-" + Guid.NewGuid().ToString("N");
        private readonly string _updateMarker = "update-" + Guid.NewGuid().ToString("N");
        private readonly string _parameterMarker = "parameter-" + Guid.NewGuid().ToString("N");

        public Guid Uuid { get; } = Guid.NewGuid();

        public Guid Pooled { get; } = Guid.NewGuid();

        public async Task RunAsync(IConfigCache cache)
        {
            var configuration = ConfigurationContent.FromText(_configurationMarker);
            await cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(Uuid, configuration, _bootSecret));
            await cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(Pooled, configuration, Pool, _poolCredential));
            Assert.NotNull(await cache.GetAsync(Uuid));
            await cache.FetchAsync(Uuid, InstanceCredential.FirstContact(_bootSecret, _trustKey));
            await cache.UpdateCacheAsync(Uuid, _trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured, 0, _parameterMarker))
            {
                Address = "10.0.0.7",
                Parameters = new Dictionary<string, ParameterValue> { ["token"] = _parameterMarker },
            });
            await cache.UpdateConfigurationAsync(Uuid, ConfigurationContent.FromText(_updateMarker));
            // Generation 2 already exists: the long poll answers at once.
            Assert.NotNull(await cache.WaitForUpdateAsync(Uuid, _trustKey, 1, TimeSpan.Zero));
            await cache.FetchAsync(Uuid, InstanceCredential.Trusted(_trustKey));
            Assert.Equal(Pooled, (await cache.AssignDynamicAsync(Pool, _poolCredential, _poolTrustKey)).Uuid);
            var listed = 0;
            await foreach (var _ in cache.ListAsync())
            {
                listed++;
            }

            Assert.Equal(2, listed);
            Assert.True(await cache.RemoveAsync(Pooled));
            Assert.Equal(0, await cache.RemoveStaleAsync(TimeSpan.FromDays(1)));
        }

        // What no tag may carry: the credentials, their hashes, the configurations, what the instance reported.
        public IReadOnlyList<string> Secrets()
        {
            Secret[] secrets = [_bootSecret, _trustKey, _poolCredential, _poolTrustKey];
            return [.. secrets.Select(s => s.Reveal()), .. secrets.Select(s => s.Hash().ToString()), _configurationMarker, _updateMarker, _parameterMarker];
        }
    }
}
