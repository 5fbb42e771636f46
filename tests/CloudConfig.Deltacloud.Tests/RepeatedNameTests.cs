using CloudConfig.Deltacloud.Tests.Support;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>
/// An answer that names a hardware profile property or a feature constraint twice is a malformed answer: a typed
/// protocol error naming what was repeated, never the dictionary's untyped ArgumentException.
/// </summary>
public sealed class RepeatedNameTests : IDisposable
{
    private readonly ReplayServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task ListInstances_XmlPropertyGivenTwice_IsAProtocolError()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.StubXml("GET", "/api/instances", """
            <instances><instance id='inst0'><name>a</name><state>RUNNING</state>
            <hardware_profile id='m1-small'><property name='memory' value='1'/><property name='memory' value='2'/></hardware_profile>
            </instance></instances>
            """);
        using var client = _server.CreateClient();

        var error = await Assert.ThrowsAsync<DeltacloudProtocolException>(() => client.Instances.ListAsync());

        Assert.Contains("hardware profile property 'memory' twice", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"instances":[{"id":"a","hardware_profile":{"id":"p","properties":{"memory":"1","memory":"2"}}}]}""")]
    [InlineData("""{"instance":{"id":"a","hardware_profile":{"id":"p","properties":{"memory":"1","memory":"2"}}}}""")]
    public async Task ListInstances_JsonPropertyGivenTwice_IsAProtocolError(string body)
    {
        _server.StubEntryPoint(DeltacloudFormat.Json);
        _server.Server.Given(Request.Create().WithPath("/api/instances").UsingGet()).AtPriority(1)
            .RespondWith(Response.Create().WithHeader("Content-Type", "application/json").WithBody(body));
        using var client = _server.CreateClient(DeltacloudFormat.Json);

        var error = await Assert.ThrowsAsync<DeltacloudProtocolException>(() => client.Instances.ListAsync());

        Assert.Contains("hardware profile property 'memory' twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EntryPoint_XmlConstraintGivenTwice_IsAProtocolError()
    {
        _server.StubXml("GET", "/api", $"""
            <api driver='mock' version='1.1.3'>
              <link href='{_server.Url}/api/instances' rel='instances'>
                <feature name='user_data' rel='create'><constraint name='max_length'>16384</constraint><constraint name='max_length'>1</constraint></feature>
              </link>
            </api>
            """);
        using var client = _server.CreateClient();

        var error = await Assert.ThrowsAsync<DeltacloudProtocolException>(() => client.GetEntryPointAsync());

        Assert.Contains("feature constraint 'max_length' twice", error.Message, StringComparison.Ordinal);
    }
}
