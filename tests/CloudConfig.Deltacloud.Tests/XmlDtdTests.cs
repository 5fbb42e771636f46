using CloudConfig.Deltacloud.Tests.Support;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>A server answer with a DTD is refused as unreadable: no entity is expanded, no external entity is read.</summary>
public sealed class XmlDtdTests : IDisposable
{
    // Nine levels of ten: a billion "lol"s (3 GB) if the parser expanded them.
    private const string BillionLaughsDtd = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
          <!ENTITY lol "lol">
          <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
          <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
          <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
          <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
          <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
          <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
          <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
          <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
          <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
        ]>
        """;

    private readonly ReplayServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task EntryPoint_WithBillionLaughsDtd_IsAProtocolErrorWithoutExpansion()
    {
        _server.StubXml("GET", "/api", BillionLaughsDtd + "<api driver='mock' version='&lol9;'></api>");
        using var client = _server.CreateClient();

        var error = await Assert.ThrowsAsync<DeltacloudProtocolException>(() => client.GetEntryPointAsync());

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lollol", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstanceList_WithBillionLaughsDtd_IsAProtocolErrorWithoutExpansion()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.StubXml("GET", "/api/instances", BillionLaughsDtd + "<instances><instance id='inst0'><name>&lol9;</name></instance></instances>");
        using var client = _server.CreateClient();

        var error = await Assert.ThrowsAsync<DeltacloudProtocolException>(() => client.Instances.ListAsync());

        Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("lollol", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RealmList_WithExternalEntity_IsAProtocolErrorAndReadsNoFile()
    {
        var secretFile = Path.Combine(Path.GetTempPath(), $"dtd-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(secretFile, "file-content-that-must-not-leak");
        try
        {
            _server.StubEntryPoint(DeltacloudFormat.Xml);
            _server.StubXml("GET", "/api/realms", $"<!DOCTYPE realms [<!ENTITY x SYSTEM \"file://{secretFile}\">]><realms><realm id='us'><name>&x;</name></realm></realms>");
            using var client = _server.CreateClient();

            var error = await Assert.ThrowsAsync<DeltacloudProtocolException>(() => client.Realms.ListAsync());

            Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("file-content-that-must-not-leak", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secretFile);
        }
    }

    [Fact]
    public async Task ErrorBody_WithBillionLaughsDtd_KeepsTheStatusErrorAndExpandsNothing()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.StubXml("GET", "/api/realms/boom", BillionLaughsDtd + "<error status='500'><message>&lol9;</message></error>", status: 500);
        using var client = _server.CreateClient(configure: o => o.MaxRetryAttempts = 0);

        var error = await Assert.ThrowsAsync<DeltacloudBackendException>(() => client.Realms.GetAsync("boom"));

        Assert.Equal(500, error.StatusCode);
        Assert.DoesNotContain("lollol", error.Message, StringComparison.Ordinal);
    }
}
