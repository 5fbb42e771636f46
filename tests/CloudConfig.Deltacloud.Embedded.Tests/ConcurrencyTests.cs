using System.Collections.Concurrent;
using System.Net;

namespace CloudConfig.Deltacloud.Embedded.Tests;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Create_1000InstancesAtParallelism50_AllSucceedWithDistinctIdsAndAddresses()
    {
        var hooked = new ConcurrentDictionary<string, string?>();
        await using var cloud = await TestCloud.StartAsync(o => o.BootHook = (instance, _) =>
        {
            hooked[instance.Id] = instance.UserData;
            return Task.CompletedTask;
        });
        using var client = TestCloud.Client(cloud, "application/json");
        var locations = new ConcurrentBag<string>();
        var statuses = new ConcurrentBag<HttpStatusCode>();

        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (i, cancellationToken) =>
        {
            var userData = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"boot-{i}"));
            using var response = await client.PostAsync(
                new Uri("/api/instances", UriKind.Relative),
                TestCloud.Form(("image_id", "img1"), ("name", $"storm-{i}"), ("user_data", userData)),
                cancellationToken);
            statuses.Add(response.StatusCode);
            locations.Add(response.Headers.Location!.AbsoluteUri);
        });
        await cloud.DisposeAsync();

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Created, s));
        Assert.Equal(1000, locations.Distinct().Count());
        var instances = cloud.Instances;
        Assert.Equal(1000, instances.Select(i => i.Id).Distinct().Count());
        Assert.Equal(1000, instances.Select(i => i.PublicAddresses.Single()).Distinct().Count());
        Assert.Equal(1000, instances.Select(i => i.Name).Distinct().Count());
        Assert.Equal(1000, hooked.Count);
        Assert.All(instances, i => Assert.Equal("boot-" + i.Name["storm-".Length..], hooked[i.Id]));
    }
}
