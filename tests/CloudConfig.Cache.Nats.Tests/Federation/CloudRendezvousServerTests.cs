using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using CloudConfig.Rendezvous;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>
/// A cloud's rendezvous server (Kestrel on loopback) over its site of a federation, called over HTTP: the app's
/// registry writes are refused with a clear 409 naming the read-only site, never a 500, and change nothing; reads
/// and the instances' routes keep working.
/// </summary>
[Collection(FederationCollection.Name)]
public sealed class CloudRendezvousServerTests(FederationFixture fixture) : IAsyncLifetime
{
    private const string ApiKey = "cloud-site-api-key-0123456789";
    private readonly string _prefix = NatsServerFixture.NewPrefix();
    private FederatedConfigRegistry _registry = null!;
    private NatsConfigCache _cloud = null!;
    private RunningRendezvousServer _server = null!;
    private HttpClient _http = null!;
    private Guid _registered;
    private Secret _bootSecret = null!;

    public async Task InitializeAsync()
    {
        _registry = fixture.CreateRegistry(_prefix);
        _cloud = fixture.CreateCloudCache(FederationFixture.CloudA, _prefix);
        (_registered, _bootSecret) = (Guid.NewGuid(), Secret.Generate());
        await _registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(_registered, ConfigurationContent.FromText("kept"), _bootSecret) with { Domain = FederationFixture.CloudA });
        await _cloud.GetAsync(Guid.NewGuid());
        await fixture.Federation.SettleAsync(FederationFixture.CloudA, _prefix);
        _server = await RendezvousServer.StartAsync(new RendezvousServerOptions
        {
            Cache = _cloud,
            Configure = o => o.ApiKey = ApiKey,
            ConfigureBuilder = builder => builder.Logging.ClearProviders(),
        });
        _http = new HttpClient { BaseAddress = _server.Urls[0] };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        await _registry.DisposeAsync();
        await _cloud.DisposeAsync();
    }

    [Theory]
    [InlineData("pre_register", "POST", "/v1/entries")]
    [InlineData("update_configuration", "PUT", "/v1/entries/{uuid}/configuration")]
    [InlineData("remove", "DELETE", "/v1/entries/{uuid}")]
    [InlineData("remove_stale", "POST", "/v1/maintenance/remove-stale")]
    public async Task AppWrite_AtACloudSitesServer_Is409ReadOnlySiteAndChangesNothing(string operation, string method, string path)
    {
        var fresh = Guid.NewGuid();
        var body = operation switch
        {
            "pre_register" => $$"""{"uuid":"{{fresh}}","configuration":{"contentType":"text/plain","base64":"eA=="},"credentialHash":"{{Secret.Generate().Hash()}}"}""",
            "update_configuration" => """{"configuration":{"contentType":"text/plain","base64":"eQ=="}}""",
            "remove_stale" => """{"timeoutMilliseconds":1}""",
            _ => null,
        };
        using var request = new HttpRequestMessage(new HttpMethod(method), path.Replace("{uuid}", _registered.ToString(), StringComparison.Ordinal));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal("refused", problem.RootElement.GetProperty("errorKind").GetString());
        Assert.Equal("urn:cloudconfig:problem:refused", problem.RootElement.GetProperty("type").GetString());
        Assert.Equal(NatsReadOnlySiteException.ReadOnlySite, problem.RootElement.GetProperty("reason").GetString());
        Assert.Contains(operation, problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        // Nothing changed, on either side.
        await fixture.Federation.SettleAsync(FederationFixture.CloudA, _prefix);
        Assert.Equal("kept", (await _registry.GetAsync(_registered))!.Configuration.AsText());
        Assert.Equal(1, (await _cloud.GetAsync(_registered))!.Generation);
        Assert.Null(await _registry.GetAsync(fresh));
    }

    [Fact]
    public async Task AppOverHttp_AtACloudSitesServer_GetsTheTypedRefusalAtOnceAndStillReads()
    {
        using var app = new RendezvousConfigCache(Options.Create(new RendezvousConfigCacheOptions { BaseAddress = _server.Urls[0], ApiKey = ApiKey }));

        var refused = await Assert.ThrowsAsync<ConfigCacheRefusedException>(
            () => app.PreRegisterAsync(ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("x"), Secret.Generate())));
        var entry = await app.GetAsync(_registered);
        var listed = await app.ListAsync().Select(e => e.Uuid).ToListAsync();

        Assert.Equal(NatsReadOnlySiteException.ReadOnlySite, refused.Reason);
        Assert.Equal("kept", entry!.Configuration.AsText());
        Assert.Equal([_registered], listed);
    }
}
