using System.Text;
using CloudConfig.Core;
using NATS.Client.Core;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// The on-premises site in its own network namespace, firewalled to outbound leaf connections only: no cloud can
/// open a connection to it, yet both leaf links are up; and over those links a cloud can neither write nor administer
/// the on-premises buckets, nor read, write or delete the other cloud's registrations.
/// </summary>
[Collection(FederatedDeploymentCollection.Name)]
public sealed class FederationIsolationEndToEndTests(FederatedDeployment deployment)
{
    [Fact]
    public async Task OnPremises_ConnectionsFromEitherCloud_AreRefusedWhileItsLeafLinksDialOut()
    {
        var refusedBefore = await deployment.Network.RefusedInboundAsync();
        var onPremisesPort = deployment.OnPremises.Ports.Client;

        var fromOnPremises = await deployment.Network.OnPremises.TryExecAsync("bash", "-c", $"exec 3<>/dev/tcp/{deployment.Clouds[0].Network.HubAddress}/{FederationNetwork.LeafPort}");
        var fromItself = await deployment.Network.OnPremises.TryExecAsync("bash", "-c", $"exec 3<>/dev/tcp/{deployment.Clouds[0].Network.OnPremisesAddress}/{onPremisesPort}");
        var fromClouds = new List<Testing.Processes.ProcessRun>();
        foreach (var cloud in deployment.Clouds)
        {
            fromClouds.Add(await cloud.Network.Site.TryExecAsync("bash", "-c", $"exec 3<>/dev/tcp/{cloud.Network.OnPremisesAddress}/{onPremisesPort}"));
        }

        Assert.True(fromOnPremises.ExitCode == 0, $"on premises could not dial out: {fromOnPremises.All}");
        Assert.True(fromItself.ExitCode == 0, $"the on-premises server does not answer on its own address: {fromItself.All}");
        Assert.All(fromClouds, run =>
        {
            Assert.NotEqual(0, run.ExitCode);
            Assert.Contains("Connection refused", run.Error, StringComparison.Ordinal);
        });
        Assert.True(await deployment.Network.RefusedInboundAsync() - refusedBefore >= deployment.Clouds.Count, "the firewall did not count the refused attempts");
        Assert.Equal(deployment.Clouds.Count, await deployment.LinkedCloudCountAsync());
    }

    [Fact]
    public async Task Cloud_WritingOrDeletingOnPremisesBuckets_IsRefusedAndChangesNothing()
    {
        var cloud = deployment.Clouds[0];
        var uuid = Guid.NewGuid();
        await deployment.Registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo kept"), Secret.Generate()) with { Domain = cloud.Domain });
        await using var hub = HubConnection(cloud);
        var api = $"$JS.{FederatedDeployment.OnPremisesDomain}.API";
        var forged = Guid.NewGuid();

        var deleteStream = await IsRefusedAsync(hub, $"{api}.STREAM.DELETE.KV_cloudconfig-entries", "{}");
        var purgeStream = await IsRefusedAsync(hub, $"{api}.STREAM.PURGE.KV_cloudconfig-entries", "{}");
        var overwrite = await IsRefusedAsync(hub, $"{api}.$KV.cloudconfig-entries.e.{uuid:N}", "forged");
        var create = await IsRefusedAsync(hub, $"{api}.$KV.cloudconfig-entries.e.{forged:N}", "forged");
        await hub.PublishAsync($"$KV.cloudconfig-entries.e.{forged:N}", Encoding.UTF8.GetBytes("forged"));
        await hub.PingAsync();

        Assert.True(deleteStream && purgeStream && overwrite && create, $"refused: delete {deleteStream}, purge {purgeStream}, overwrite {overwrite}, create {create}");
        Assert.Equal("echo kept", (await deployment.Registry.GetAsync(uuid))!.Configuration.AsText());
        Assert.Null(await deployment.Registry.GetAsync(forged));
        Assert.True(await deployment.Registry.RemoveAsync(uuid));
    }

    [Fact]
    public async Task Cloud_ReachingTheOtherCloudsRegistrations_CanNeitherReadWriteNorDeleteThem()
    {
        var (cloud, other) = (deployment.Clouds[0], deployment.Clouds[1]);
        var uuid = Guid.NewGuid();
        await deployment.Registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, ConfigurationContent.FromText("echo theirs"), Secret.Generate()) with { Domain = other.Domain });
        await using var otherView = other.CreateCloudView();
        await using var ownView = cloud.CreateCloudView();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        while (await otherView.GetAsync(uuid) is null)
        {
            Assert.True(System.Diagnostics.Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(1), $"the registration did not reach {other.Domain}");
            await Task.Delay(100);
        }

        await using var hub = HubConnection(cloud);
        var (theirs, onPremises) = ($"$JS.{other.Domain}.API", $"$JS.{FederatedDeployment.OnPremisesDomain}.API");
        var lastOfKey = $$"""{"last_by_subj":"$KV.cloudconfig-entries.e.{{uuid:N}}"}""";

        var readTheirs = await IsRefusedAsync(hub, $"{theirs}.DIRECT.GET.KV_cloudconfig-entries", lastOfKey);
        var infoTheirs = await IsRefusedAsync(hub, $"{theirs}.STREAM.INFO.KV_cloudconfig-entries", "");
        var writeTheirs = await IsRefusedAsync(hub, $"{theirs}.$KV.cloudconfig-entries.e.{uuid:N}", "forged");
        var deleteTheirs = await IsRefusedAsync(hub, $"{theirs}.STREAM.DELETE.KV_cloudconfig-entries", "{}");
        var readOnPremises = await IsRefusedAsync(hub, $"{onPremises}.DIRECT.GET.KV_cloudconfig-entries", lastOfKey);
        await hub.PublishAsync($"$KV.cloudconfig-entries.e.{uuid:N}", Encoding.UTF8.GetBytes("forged"));
        await hub.PingAsync();

        Assert.True(readTheirs && infoTheirs && writeTheirs && deleteTheirs && readOnPremises,
            $"refused: read {readTheirs}, info {infoTheirs}, write {writeTheirs}, delete {deleteTheirs}, read on premises {readOnPremises}");
        Assert.Null(await ownView.GetAsync(uuid));
        Assert.Equal("echo theirs", (await otherView.GetAsync(uuid))!.Configuration.AsText());
        Assert.Equal("echo theirs", (await deployment.Registry.GetAsync(uuid))!.Configuration.AsText());
        Assert.True(await deployment.Registry.RemoveAsync(uuid));
    }

    /// <summary>A client of <paramref name="cloud"/>'s hub with its rendezvous server's credentials: the most a cloud holds.</summary>
    private static NatsConnection HubConnection(CloudSite cloud) => new(new NatsOpts
    {
        Url = $"nats://127.0.0.1:{cloud.HubForwarder.Port}",
        AuthOpts = new NatsAuthOpts { Username = cloud.RendezvousUser.User, Password = cloud.RendezvousUser.Password },
    });

    /// <summary>Whether a request goes unanswered: the leaf link's deny rules drop it, so nothing responds.</summary>
    private static async Task<bool> IsRefusedAsync(NatsConnection connection, string subject, string body)
    {
        try
        {
            await connection.RequestAsync<byte[], byte[]>(subject, Encoding.UTF8.GetBytes(body), replyOpts: new NatsSubOpts { Timeout = TimeSpan.FromSeconds(2) });
            return false;
        }
        catch (Exception e) when (e is NatsNoRespondersException or NatsNoReplyException)
        {
            return true;
        }
    }
}
