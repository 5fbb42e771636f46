using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>
/// One server for the whole corpus, with a claimed entry, an unclaimed one and a dynamic pool, logging everything
/// (every category at Trace, the cache included) so that the corpus can look for secrets in every line.
/// </summary>
public sealed class BadInputCorpusFixture : IAsyncLifetime
{
    public static readonly Secret TrustKey = Secret.FromString("corpus-trust-key-0123456789abcdef");

    private readonly CapturingLoggerProvider _logs = new();
    private TestServer? _server;

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public Guid Claimed { get; } = Guid.NewGuid();

    public Guid Unclaimed { get; } = Guid.NewGuid();

    /// <summary>Every secret the fixture holds: none may appear in a log line.</summary>
    public List<string> Secrets { get; } = [TestServer.ApiKey, TrustKey.Reveal()];

    internal TestServer Server => _server!;

    public async Task InitializeAsync()
    {
        _server = await TestServer.StartAsync(
            Time,
            configure: options => (options.FailuresPerAddress, options.FailuresPerEntry) = (100_000, 100_000),
            logs: _logs,
            logEverything: true);
        var bootSecret = Secret.Generate();
        var unclaimedSecret = Secret.Generate();
        var poolCredential = Secret.Generate();
        Secrets.AddRange([bootSecret.Reveal(), unclaimedSecret.Reveal(), poolCredential.Reveal()]);
        await Server.Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(Claimed, ConfigurationContent.FromText("claimed"), bootSecret) with { Domain = "d" });
        await Server.Cache.FetchAsync(Claimed, InstanceCredential.FirstContact(bootSecret, TrustKey));
        await Server.Cache.PreRegisterAsync(ConfigRegistration.ForBootSecret(Unclaimed, ConfigurationContent.FromText("unclaimed"), unclaimedSecret));
        await Server.Cache.PreRegisterAsync(ConfigRegistration.ForDynamicPool(Guid.NewGuid(), ConfigurationContent.FromText("pooled"), "web", poolCredential));
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

    /// <summary>Everything logged so far, the refusal summary of the requests so far included.</summary>
    public string Logs()
    {
        Server.Server.Services.GetRequiredService<RefusalSummary>().Flush();
        return _logs.AllText;
    }

    /// <summary>The lines logged at <paramref name="level"/> or above.</summary>
    public IEnumerable<string> LinesAtOrAbove(LogLevel level) => _logs.Lines.Where(l => l.Level >= level).Select(l => $"{l.Category}: {l.Text}");

    public Task DisposeAsync() => _server?.DisposeAsync().AsTask() ?? Task.CompletedTask;
}
