using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>One server for the whole corpus, with a claimed entry, an unclaimed one and a dynamic pool.</summary>
public sealed class BadInputCorpusFixture : IAsyncLifetime
{
    public static readonly Secret TrustKey = Secret.FromString("corpus-trust-key-0123456789abcdef");

    private TestServer? _server;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public Guid Claimed { get; } = Guid.NewGuid();

    public Guid Unclaimed { get; } = Guid.NewGuid();

    internal TestServer Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(Time, configure: options => (options.FailuresPerAddress, options.FailuresPerEntry) = (100_000, 100_000));
        var bootSecret = Secret.Generate();
        await Server.Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(Claimed, ConfigurationContent.FromText("claimed"), bootSecret) with { Domain = "d" });
        await Server.Cache.FetchAsync(Claimed, InstanceCredential.FirstContact(bootSecret, TrustKey));
        await Server.Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(Unclaimed, ConfigurationContent.FromText("unclaimed"), Secret.Generate()));
        await Server.Cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(Guid.NewGuid(), ConfigurationContent.FromText("pooled"), "web", Secret.Generate()));
        // Any contact the corpus made by mistake would now show as a later LastContactAt.
        Time.Advance(TimeSpan.FromMinutes(1));
    }

    public async Task<List<ConfigEntry>> SnapshotAsync()
    {
        var entries = new List<ConfigEntry>();
        await foreach (var entry in Server.Cache.ListAsync())
        {
            entries.Add(entry);
        }

        return [.. entries.OrderBy(e => e.Uuid)];
    }

    public Task DisposeAsync() => _server?.DisposeAsync().AsTask() ?? Task.CompletedTask;
}
