using CloudConfig.Deltacloud.Embedded;
using CloudConfig.Deltacloud.Tests.Support;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>
/// What the server offers, through the client against the embedded cloud on loopback: actions on an instance id
/// without reading it first, creates from an image's <c>create_instance</c> link, and driver selection by matrix
/// parameters as well as by headers.
/// </summary>
public sealed class EmbeddedCoverageTests : IAsyncLifetime
{
    private readonly CountingHandler _sent = new();
    private EmbeddedDeltacloud _cloud = null!;

    public async Task InitializeAsync() => _cloud = await EmbeddedDeltacloud.StartAsync(new EmbeddedDeltacloudOptions { PendingDuration = TimeSpan.Zero });

    public async Task DisposeAsync()
    {
        await _cloud.DisposeAsync();
        _sent.Dispose();
    }

    [Fact]
    public async Task ActionsById_PostToTheDocumentedUrlsWithoutReadingTheInstanceFirst()
    {
        using var client = ClientFor();
        var id = (await client.Instances.CreateAsync(new CreateInstanceRequest("img1") { Name = "by-id" })).Id;
        var member = $"/api/instances/{id}";

        var stopped = await client.Instances.StopAsync(id);
        var started = await client.Instances.StartAsync(id);
        var rebooted = await client.Instances.RebootAsync(id);
        await client.Instances.StopAsync(id);
        await client.Instances.DestroyAsync(id);

        Assert.Equal(DeltacloudInstanceState.Stopped, stopped.State);
        Assert.Equal((DeltacloudInstanceState.Running, DeltacloudInstanceState.Running), (started.State, rebooted.State));
        Assert.Null(_cloud.FindInstance(id));
        Assert.Equal(
            [$"POST {member}/stop", $"POST {member}/start", $"POST {member}/reboot", $"POST {member}/stop", $"DELETE {member}"],
            _sent.Requests.Where(r => r.PathAndQuery.StartsWith(member, StringComparison.Ordinal)).Select(r => $"{r.Method} {r.PathAndQuery}"));
    }

    [Fact]
    public async Task ActionById_NotAllowedInTheState_IsInvalidStateAndSentOnce()
    {
        using var client = ClientFor();
        var id = (await client.Instances.CreateAsync(new CreateInstanceRequest("img1"))).Id;

        await Assert.ThrowsAsync<DeltacloudInvalidStateException>(() => client.Instances.StartAsync(id));

        Assert.Equal(1, _sent.CountOf("POST", $"/api/instances/{id}/start"));
        Assert.Equal(EmbeddedInstanceState.Running, _cloud.FindInstance(id)!.State);
    }

    [Fact]
    public async Task ActionById_UnknownInstance_IsForbiddenAsTheServerAnswers()
    {
        using var client = ClientFor();

        var error = await Assert.ThrowsAsync<DeltacloudForbiddenException>(() => client.Instances.RebootAsync("no-such-instance"));

        Assert.Equal(403, error.StatusCode);
    }

    [Fact]
    public async Task CreateAsync_FromTheImagesCreateInstanceLink_CreatesThatImage()
    {
        using var client = ClientFor();
        var image = await client.Images.GetAsync("img2");

        var instance = await client.Instances.CreateAsync(image, new CreateInstanceRequest("img2") { Name = "from-link", HardwareProfileId = "m1-large" });

        var held = _cloud.FindInstance(instance.Id)!;
        Assert.Equal(("img2", "from-link", "m1-large"), (held.ImageId, held.Name, held.HardwareProfileId));
        Assert.Single(_sent.Requests, r => r.Method == "POST" && r.PathAndQuery == "/api/instances;image_id=img2");
    }

    [Fact]
    public async Task CreateAsync_ImageWithoutCreateInstanceLink_FailsBeforeAnyRequest()
    {
        using var client = ClientFor();
        var image = new Image("img1") { Actions = [new DeltacloudLink("destroy_image", $"{_cloud.ApiUrl}/images/img1", "delete")] };

        var error = await Assert.ThrowsAsync<DeltacloudActionNotAvailableException>(() => client.Instances.CreateAsync(image));

        Assert.Equal("Image img1 does not list 'create_instance'; it lists: destroy_image.", error.Message);
        Assert.Empty(_sent.Requests);
    }

    [Fact]
    public async Task MatrixSelection_SendsDriverAndProviderOnTheApiSegmentAndNoHeaders()
    {
        using var client = ClientFor(o => (o.Driver, o.Provider, o.DriverSelection) = ("mock", "eu-west-1", DeltacloudDriverSelection.MatrixParameters));

        var entry = await client.GetEntryPointAsync();
        var created = await client.Instances.CreateAsync(new CreateInstanceRequest("img1") { Name = "matrix" });
        var rebooted = await client.Instances.RebootAsync(created.Id);

        Assert.Equal(("mock", "eu-west-1"), (entry.Driver, entry.Provider));
        Assert.Equal(DeltacloudInstanceState.Running, rebooted.State);
        Assert.All(_sent.Requests, r => Assert.StartsWith("/api;driver=mock;provider=eu-west-1", r.PathAndQuery, StringComparison.Ordinal));
        Assert.All(_sent.Requests, r => Assert.Null(r.DriverHeader));
        Assert.Equal(2, _sent.Requests.Count(r => r.Method == "POST"));
        Assert.All(_sent.Requests.Where(r => r.Method == "POST"), r => Assert.Equal("?api[driver]=mock&api[provider]=eu-west-1", r.PathAndQuery[r.PathAndQuery.IndexOf('?', StringComparison.Ordinal)..]));
    }

    [Theory]
    [InlineData(DeltacloudDriverSelection.Headers)]
    [InlineData(DeltacloudDriverSelection.MatrixParameters)]
    public async Task UnknownDriver_EitherWay_IsTheServersBackendError(DeltacloudDriverSelection selection)
    {
        using var client = ClientFor(o => (o.Driver, o.DriverSelection, o.MaxRetryAttempts) = ("nosuch", selection, 0));

        var error = await Assert.ThrowsAsync<DeltacloudBackendException>(() => client.GetEntryPointAsync());

        Assert.StartsWith("Driver 'nosuch' is not available", error.ServerMessage, StringComparison.Ordinal);
        Assert.Equal(selection == DeltacloudDriverSelection.Headers ? "nosuch" : null, Assert.Single(_sent.Requests).DriverHeader);
    }

    private DeltacloudClient ClientFor(Action<DeltacloudClientOptions>? configure = null) =>
        TestClients.Create(_cloud.ApiUrl, configure: o =>
        {
            o.Username = _cloud.Username;
            o.Password = _cloud.Password;
            configure?.Invoke(o);
        }, handler: _sent);
}
