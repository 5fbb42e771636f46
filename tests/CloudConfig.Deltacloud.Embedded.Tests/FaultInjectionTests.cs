using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Deltacloud.Embedded.Tests;

public sealed class FaultInjectionTests
{
    [Theory]
    [InlineData(500, "BackendError")]
    [InlineData(502, "ProviderError")]
    [InlineData(504, "ProviderTimeout")]
    public async Task Create_NthCreateFails_ReturnsTheErrorAndCreatesNothingForIt(int status, string error)
    {
        await using var cloud = await TestCloud.StartAsync(o => o.CreateFault = n => n == 2 ? EmbeddedCreateFault.Fail(status) : EmbeddedCreateFault.None);
        using var client = TestCloud.Client(cloud, "application/json");

        using var first = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1")));
        using var second = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1")));
        using var third = await client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1")));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(status, (int)second.StatusCode);
        using var body = JsonDocument.Parse(await second.Content.ReadAsStringAsync());
        Assert.Equal(status, body.RootElement.GetProperty("code").GetInt32());
        Assert.Equal("Deltacloud::Exceptions::" + error, body.RootElement.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.Created, third.StatusCode);
        Assert.Equal(2, cloud.Instances.Count);
        Assert.Equal(3, cloud.CreateAttempts);
    }

    [Fact]
    public async Task Create_RespondLate_InstanceExistsAndIsFindableByNameBeforeTheResponse()
    {
        var time = new FakeTimeProvider();
        var created = new TaskCompletionSource<EmbeddedInstance>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var cloud = await TestCloud.StartAsync(o =>
        {
            o.TimeProvider = time;
            o.CreateFault = n => n == 1 ? EmbeddedCreateFault.RespondLate(TimeSpan.FromMinutes(5)) : EmbeddedCreateFault.None;
            o.BootHook = (instance, _) =>
            {
                created.TrySetResult(instance);
                return Task.CompletedTask;
            };
        });
        using var client = TestCloud.Client(cloud, "application/json");

        var pending = client.PostAsync(new Uri("/api/instances", UriKind.Relative), TestCloud.Form(("image_id", "img1"), ("name", "unique-name-1")));
        var instance = await created.Task.WaitAsync(TestCloud.SignalTimeout);
        using var listed = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/instances", UriKind.Relative)));
        var responseHeldBack = !pending.IsCompleted;
        time.Advance(TimeSpan.FromMinutes(5));
        using var response = await pending.WaitAsync(TestCloud.SignalTimeout);

        Assert.True(responseHeldBack);
        Assert.Equal("unique-name-1", instance.Name);
        Assert.Contains(listed.RootElement.GetProperty("instances").EnumerateArray(), i => i.GetProperty("name").GetString() == "unique-name-1");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Single(cloud.Instances);
    }

    [Fact]
    public void Fail_StatusNotAnInjectableError_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EmbeddedCreateFault.Fail(404));
    }
}
