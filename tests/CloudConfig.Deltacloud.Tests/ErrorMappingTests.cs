using CloudConfig.Deltacloud.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>Error bodies of every shape become the right typed error, with the server's kind and message and no backtrace.</summary>
public sealed class ErrorMappingTests : IDisposable
{
    private readonly ReplayServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task GetAsync_JsonNotFound_CarriesStatusKindAndMessage()
    {
        _server.StubEntryPoint(DeltacloudFormat.Json);
        _server.Stub(RecordedExchange.Get("061"));
        using var client = _server.CreateClient(DeltacloudFormat.Json);

        var error = await Assert.ThrowsAsync<DeltacloudNotFoundException>(() => client.Instances.GetAsync("no-such-instance"));

        Assert.Equal((404, "ObjectNotFound", "Not Found"), (error.StatusCode, error.ErrorKind, error.ServerMessage));
        Assert.False(error.IsTransient);
    }

    [Fact]
    public async Task GetAsync_XmlBackendErrorWithBacktrace_KeepsMessageDropsBacktrace()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(RecordedExchange.Get("108"));
        using var client = _server.CreateClient();

        var error = await Assert.ThrowsAsync<DeltacloudBackendException>(() => client.Realms.GetAsync("500"));

        Assert.Equal((500, "BackendError", "DeltacloudErrorMessage"), (error.StatusCode, error.ErrorKind, error.ServerMessage));
        Assert.DoesNotContain("mock_driver.rb", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_PlainTextMissingParameter_IsValidationError()
    {
        _server.StubEntryPoint(DeltacloudFormat.Json);
        _server.Stub(RecordedExchange.Get("091"));
        using var client = _server.CreateClient(DeltacloudFormat.Json);

        var error = await Assert.ThrowsAsync<DeltacloudValidationException>(() => client.Instances.CreateAsync(new CreateInstanceRequest("img1")));

        Assert.Equal("Required parameter 'image_id' not found in [name,realm_id]", error.ServerMessage);
        Assert.Equal(1, _server.CountRequests("POST", "/api/instances"));
    }

    [Fact]
    public async Task ListAsync_ForbiddenOnDuplicateKey_IsForbidden()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(RecordedExchange.Get("050"));
        using var client = _server.CreateClient();

        var error = await Assert.ThrowsAsync<DeltacloudForbiddenException>(() => client.Keys.CreateAsync("reckey1"));

        Assert.Equal("Key with same name already exists", error.ServerMessage);
    }

    [Theory]
    [InlineData(406, "", typeof(DeltacloudNotAcceptableException))]
    [InlineData(404, "<!DOCTYPE html><html><head><title>Not Found</title></head><body>x</body></html>", typeof(DeltacloudNotFoundException))]
    [InlineData(501, "{\"code\":501,\"message\":\"Not Implemented\",\"error\":\"Deltacloud::Exceptions::NotImplemented\"}", typeof(DeltacloudNotImplementedException))]
    [InlineData(504, "{\"code\":504,\"message\":\"Timeout\",\"error\":\"Deltacloud::Exceptions::ProviderTimeout\"}", typeof(DeltacloudProviderTimeoutException))]
    [InlineData(418, "teapot", typeof(DeltacloudException))]
    public async Task ListAsync_UnusualErrorBodies_MapToTypedErrors(int status, string body, Type expected)
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Server.Given(Request.Create().WithPath("/api/realms").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithStatusCode(status).WithBody(body));
        using var client = _server.CreateClient(configure: o => o.MaxRetryAttempts = 0);

        var error = await Assert.ThrowsAnyAsync<DeltacloudException>(() => client.Realms.ListAsync());

        Assert.IsType(expected, error);
        Assert.Equal(status, error.StatusCode);
        Assert.DoesNotContain("<body>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAsync_MissingCollection_IsFeatureNotSupported()
    {
        _server.Server.Given(Request.Create().WithPath("/api").UsingGet())
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/xml").WithBody("<api driver='x' version='1.1.3'></api>"));
        using var client = _server.CreateClient();

        await Assert.ThrowsAsync<DeltacloudFeatureNotSupportedException>(() => client.Keys.ListAsync());
    }

    [Theory]
    [InlineData(DeltacloudFormat.Xml, "088")]
    [InlineData(DeltacloudFormat.Json, "089")]
    public async Task CreateAsync_ServerMessageEndingInAPeriod_GivesOneLineWithOneFinalPeriod(DeltacloudFormat format, string recording)
    {
        _server.StubEntryPoint(format);
        _server.Stub(RecordedExchange.Get(recording));
        using var client = _server.CreateClient(format);

        var error = await Assert.ThrowsAsync<DeltacloudValidationException>(() => client.Instances.CreateAsync(new CreateInstanceRequest("img1") { HardwareProfileId = "no-such-hwp" }));

        Assert.Equal("Deltacloud answered 400 (ValidationFailure) to POST /api/instances: Hardware profile 'no-such-hwp' does not exists.", error.Message);
    }

    [Theory]
    [InlineData("application/xml", "<error status='500' url='/api'><code>500</code><message><![CDATA[\n  Driver 'nosuch' is not available (uninitialized constant Deltacloud::Drivers::Nosuch)\n    Deltacloud::Drivers.const_get(driver_name)\n    rescue NameError => e..\n]]></message><backtrace><![CDATA[driver.rb:40]]></backtrace></error>")]
    [InlineData("application/json", "{\"code\":500,\"message\":\"Driver 'nosuch' is not available (uninitialized constant Deltacloud::Drivers::Nosuch)\\n    Deltacloud::Drivers.const_get(driver_name)\\n\",\"error\":\"Deltacloud::Exceptions::BackendError\"}")]
    public async Task EntryPoint_UnknownDriverWithMultiLineRubyMessage_GivesItsFirstLineOnly(string contentType, string body)
    {
        _server.Server.Given(Request.Create().WithPath("/api").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(500).WithHeader("Content-Type", contentType).WithBody(body));
        using var client = _server.CreateClient(configure: o => (o.Driver, o.MaxRetryAttempts) = ("nosuch", 0));

        var error = await Assert.ThrowsAsync<DeltacloudBackendException>(() => client.GetEntryPointAsync());

        Assert.Equal("Driver 'nosuch' is not available (uninitialized constant Deltacloud::Drivers::Nosuch)", error.ServerMessage);
        Assert.Equal("Deltacloud answered 500 (BackendError) to GET /api: Driver 'nosuch' is not available (uninitialized constant Deltacloud::Drivers::Nosuch).", error.Message);
    }
}
