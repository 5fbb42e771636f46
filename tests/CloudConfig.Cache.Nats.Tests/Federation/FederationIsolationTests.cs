using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CloudConfig.Core;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>
/// What a cloud can do to the on-premises site over the leaf link it is offered, tried from the cloud's hub with its
/// own credentials: it may feed and read its own mirrors, nothing else. The on-premises side is refused the same on
/// the cloud's buckets, and opens no port for a cloud to connect to.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class FederationIsolationTests(FederationFixture fixture) : IAsyncLifetime
{
    private readonly string _prefix = NatsServerFixture.NewPrefix();
    private FederatedConfigRegistry _registry = null!;
    private NatsConfigCache _cloudA = null!;
    private Guid _entryOfA;
    private Guid _entryOfB;

    private string Entries => $"KV_{_prefix}-entries";

    public async Task InitializeAsync()
    {
        _registry = fixture.CreateRegistry(_prefix);
        _cloudA = fixture.CreateCloudCache(FederationFixture.CloudA, _prefix);
        (_entryOfA, _entryOfB) = (Guid.NewGuid(), Guid.NewGuid());
        await _registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(_entryOfA, ConfigurationContent.FromText("a"), Secret.Generate()) with { Domain = FederationFixture.CloudA });
        await _registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(_entryOfB, ConfigurationContent.FromText("b"), Secret.Generate()) with { Domain = FederationFixture.CloudB });
        await _cloudA.GetAsync(Guid.NewGuid());
        await fixture.Federation.SettleAsync(FederationFixture.CloudA, _prefix);
    }

    public async Task DisposeAsync()
    {
        await _registry.DisposeAsync();
        await _cloudA.DisposeAsync();
    }

    [Theory]
    [InlineData("STREAM.DELETE")]
    [InlineData("STREAM.PURGE")]
    [InlineData("STREAM.UPDATE")]
    public async Task Cloud_AdministeringAnOnPremisesBucket_IsRefusedAndTheBucketKeepsItsEntries(string operation)
    {
        var hub = HubConnection();

        var refused = await IsRefusedAsync(hub, $"$JS.{fixture.Federation.OnPremisesDomain}.API.{operation}.{Entries}", "{}");

        Assert.True(refused, $"{operation} was answered");
        Assert.NotNull(await _registry.GetAsync(_entryOfA));
        var state = (await fixture.Federation.OnPremisesProbe(FederationFixture.CloudA).GetStreamAsync(Entries)).Info.State;
        Assert.Equal(1, state.NumSubjects);
    }

    [Fact]
    public async Task Cloud_WritingAnOnPremisesBucket_IsRefusedAndStoresNothing()
    {
        var hub = HubConnection();
        var uuid = Guid.NewGuid();
        var key = $"e.{uuid:N}";

        var throughApi = await IsRefusedAsync(hub, $"$JS.{fixture.Federation.OnPremisesDomain}.API.$KV.{_prefix}-entries.{key}", "forged");
        await hub.PublishAsync($"$KV.{_prefix}-entries.{key}", Encoding.UTF8.GetBytes("forged"));
        var deleteThroughApi = await IsRefusedAsync(hub, $"$JS.{fixture.Federation.OnPremisesDomain}.API.$KV.{_prefix}-entries.e.{_entryOfA:N}", "");
        await hub.PingAsync();
        await _registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("marker"), Secret.Generate()) with { Domain = FederationFixture.CloudA });

        Assert.True(throughApi, "a key-value write through the on-premises API was answered");
        Assert.True(deleteThroughApi, "a key-value write over an existing entry was answered");
        Assert.Null(await _registry.GetAsync(uuid));
        Assert.Equal("a", (await _registry.GetAsync(_entryOfA))!.Configuration.AsText());
    }

    [Fact]
    public async Task Cloud_ReadingTheOnPremisesRegistrations_SeesOnlyItsOwn()
    {
        // The most a cloud may do on premises is create a push consumer (its mirror needs that): read all it offers.
        var onPremises = new NatsJSContext(HubConnection(), new NatsJSOpts(HubConnection().Opts, domain: fixture.Federation.OnPremisesDomain));
        var consumer = await onPremises.CreateOrderedPushConsumerAsync(Entries, new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.All });
        var subjects = new List<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var consumerDeleteRefused = false;
        try
        {
            await foreach (var message in consumer.ConsumeAsync<byte[]>(cancellationToken: deadline.Token))
            {
                subjects.Add(message.Subject);
                if (message.Metadata?.NumPending == 0)
                {
                    break;
                }
            }
        }
        catch (NatsNoRespondersException)
        {
            // The client deletes its consumer when done; deleting consumers on premises is denied to a cloud too.
            consumerDeleteRefused = true;
        }

        // Pulling instead (what an ordered consumer of this client does) gets nothing at all: its requests are denied.
        var pulled = await onPremises.CreateOrderedConsumerAsync(Entries, new NatsJSOrderedConsumerOpts { DeliverPolicy = ConsumerConfigDeliverPolicy.All });
        var pulledCount = 0;
        await foreach (var _ in pulled.FetchAsync<byte[]>(new NatsJSFetchOpts { MaxMsgs = 100, Expires = TimeSpan.FromSeconds(1) }))
        {
            pulledCount++;
        }

        var directGet = await IsRefusedAsync(HubConnection(), $"$JS.{fixture.Federation.OnPremisesDomain}.API.DIRECT.GET.{Entries}", $$"""{"last_by_subj":"$KV.{{_prefix}}-entries.e.{{_entryOfB:N}}"}""");

        Assert.Contains($"$KV.{_prefix}-entries.e.{_entryOfA:N}", subjects);
        Assert.DoesNotContain(subjects, s => s.Contains(_entryOfB.ToString("N"), StringComparison.Ordinal));
        Assert.True(directGet, "a direct get on premises was answered");
        Assert.Equal(0, pulledCount);
        Assert.True(consumerDeleteRefused);
        Assert.Null(await _cloudA.GetAsync(_entryOfB));
    }

    [Fact]
    public async Task Cloud_ReachingAnotherCloudsRegistrations_CanNeitherReadWriteNorDeleteThem()
    {
        await using var cloudB = fixture.CreateCloudCache(FederationFixture.CloudB, _prefix);
        await cloudB.GetAsync(Guid.NewGuid());
        await fixture.Federation.SettleAsync(FederationFixture.CloudB, _prefix);
        var hub = HubConnection();
        var otherCloud = $"$JS.{FederationFixture.CloudB}.API";
        var keyOfB = $"e.{_entryOfB:N}";

        // Cloud B's own copy, on its hub: nothing routes there from cloud A.
        var info = await IsRefusedAsync(hub, $"{otherCloud}.STREAM.INFO.{Entries}", "");
        var read = await IsRefusedAsync(hub, $"{otherCloud}.DIRECT.GET.{Entries}", $$"""{"last_by_subj":"$KV.{{_prefix}}-entries.{{keyOfB}}"}""");
        var write = await IsRefusedAsync(hub, $"{otherCloud}.$KV.{_prefix}-entries.{keyOfB}", "forged");
        var delete = await IsRefusedAsync(hub, $"{otherCloud}.STREAM.DELETE.{Entries}", "{}");
        var purge = await IsRefusedAsync(hub, $"{otherCloud}.STREAM.PURGE.{Entries}", "{}");
        // The on-premises original: cloud A's account there holds cloud A's registrations only.
        var onPremises = new NatsJSContext(hub, new NatsJSOpts(hub.Opts, domain: fixture.Federation.OnPremisesDomain));
        var seenOnPremises = (await onPremises.GetStreamAsync(Entries)).Info.State;
        var readOnPremises = await IsRefusedAsync(hub, $"$JS.{fixture.Federation.OnPremisesDomain}.API.DIRECT.GET.{Entries}", $$"""{"last_by_subj":"$KV.{{_prefix}}-entries.{{keyOfB}}"}""");
        await hub.PublishAsync($"$KV.{_prefix}-entries.{keyOfB}", Encoding.UTF8.GetBytes("forged"));
        await hub.PingAsync();
        await fixture.Federation.SettleAsync(FederationFixture.CloudB, _prefix);

        Assert.True(info && read && write && delete && purge && readOnPremises, $"refused: info {info}, read {read}, write {write}, delete {delete}, purge {purge}, read on premises {readOnPremises}");
        Assert.Equal(1, seenOnPremises.NumSubjects);
        Assert.Null(await _cloudA.GetAsync(_entryOfB));
        Assert.Equal("b", (await _registry.GetAsync(_entryOfB))!.Configuration.AsText());
        Assert.Equal("b", (await cloudB.GetAsync(_entryOfB))!.Configuration.AsText());
        Assert.NotNull(await fixture.Federation.HubProbe(FederationFixture.CloudB).GetStreamAsync(Entries));
    }

    [Fact]
    public async Task OnPremises_AdministeringOrWritingACloudBucket_IsRefused()
    {
        var app = (NatsConnection)fixture.Federation.OnPremisesProbe(FederationFixture.CloudA).Connection;
        var cloud = FederationFixture.CloudA;
        var instances = $"KV_{_prefix}-instances";

        var delete = await IsRefusedAsync(app, $"$JS.{cloud}.API.STREAM.DELETE.{instances}", "{}");
        var purge = await IsRefusedAsync(app, $"$JS.{cloud}.API.STREAM.PURGE.{instances}", "{}");
        var write = await IsRefusedAsync(app, $"$JS.{cloud}.API.$KV.{_prefix}-instances.e.{_entryOfA:N}", "forged");

        Assert.True(delete && purge && write, $"delete refused: {delete}, purge refused: {purge}, write refused: {write}");
        Assert.NotNull(await fixture.Federation.HubProbe(cloud).GetStreamAsync(instances));
    }

    [Fact]
    public async Task OnPremises_ListensForNoLeafConnection()
    {
        using var http = new HttpClient();
        using var varz = await http.GetFromJsonAsync<JsonDocument>($"http://127.0.0.1:{fixture.Federation.OnPremises.Ports.Monitor}/varz");
        var leaf = varz!.RootElement.GetProperty("leaf");

        Assert.Equal(0, leaf.TryGetProperty("port", out var port) ? port.GetInt32() : 0);
        Assert.Equal(2, await fixture.Federation.LinkedCloudCountAsync());
    }

    private NatsConnection HubConnection() => (NatsConnection)fixture.Federation.HubProbe(FederationFixture.CloudA).Connection;

    /// <summary>Whether a request goes unanswered: the leaf link's deny rules drop it, so nothing responds.</summary>
    private static async Task<bool> IsRefusedAsync(NatsConnection connection, string subject, string body)
    {
        try
        {
            await connection.RequestAsync<byte[], byte[]>(subject, Encoding.UTF8.GetBytes(body), replyOpts: new NatsSubOpts { Timeout = TimeSpan.FromSeconds(2) });
            return false;
        }
        catch (NatsNoRespondersException)
        {
            return true;
        }
        catch (NatsNoReplyException)
        {
            return true;
        }
    }
}
