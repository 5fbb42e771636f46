using CloudConfig.Deltacloud.Tests.Support;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>Targeted assertions on values parsed from the recordings, in both formats.</summary>
public sealed class ParsedValuesTests : IDisposable
{
    private readonly ReplayServer _server = new();

    public void Dispose() => _server.Dispose();

    [Theory]
    [InlineData("001", DeltacloudFormat.Xml)]
    [InlineData("002", DeltacloudFormat.Json)]
    public async Task GetEntryPointAsync_RecordedApi_KeepsFeaturesAndParams(string number, DeltacloudFormat format)
    {
        _server.Stub(RecordedExchange.Get(number));
        using var client = _server.CreateClient(format);

        var entry = await client.GetEntryPointAsync();

        var instances = entry.FindCollection("instances")!;
        Assert.Equal($"{_server.Url}/api/instances", instances.Href);
        Assert.Equal(["metrics", "realm_filter", "user_name", "authentication_key"], instances.Features.Select(f => f.Name));
        Assert.Equal(["keyname"], instances.Features.Single(f => f.Name == "authentication_key").Params);
        Assert.Equal("index", instances.Features.Single(f => f.Name == "realm_filter").Rel);
        Assert.True(entry.HasFeature("instances", DeltacloudFeatureNames.UserName));
        Assert.False(entry.HasFeature("instances", DeltacloudFeatureNames.UserData));
        Assert.Equal(15, entry.Collections.Count);
    }

    [Fact]
    public async Task GetEntryPointAsync_CalledTwice_DiscoversOnce()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(RecordedExchange.Get("027"));
        using var client = _server.CreateClient();

        await client.GetEntryPointAsync();
        await client.Realms.ListAsync();
        await client.Realms.ListAsync();

        Assert.Equal(1, _server.CountRequests("GET", "/api"));
    }

    [Theory]
    [InlineData("058", DeltacloudFormat.Xml)]
    [InlineData("059", DeltacloudFormat.Json)]
    public async Task GetAsync_Instance_ParsesEveryField(string number, DeltacloudFormat format)
    {
        _server.StubEntryPoint(format);
        _server.Stub(RecordedExchange.Get(number));
        using var client = _server.CreateClient(format);

        var instance = await client.Instances.GetAsync("inst0");

        Assert.Equal("Mock Instance With Profile Change", instance.Name);
        Assert.Equal(DeltacloudInstanceState.Running, instance.State);
        Assert.Equal("mockuser", instance.OwnerId);
        Assert.Equal("img1", instance.ImageId);
        Assert.Equal("us", instance.RealmId);
        Assert.Equal("m1-large", instance.HardwareProfileId);
        Assert.Equal("12288", instance.HardwareProfileOverrides["memory"]);
        Assert.Equal(["reboot", "stop", "run", "create_image"], instance.Actions.Select(a => a.Rel));
        Assert.Equal($"{_server.Url}/api/instances/inst0/stop", instance.FindAction("stop")!.Href);
        Assert.False(instance.CanPerform(InstanceActions.Destroy));
        var address = Assert.Single(instance.PublicAddresses);
        Assert.Equal("img1.inst0.public.com", address.Value);
        Assert.Equal(AddressType.Hostname, address.Type);
        Assert.Equal("img1.inst0.private.com", Assert.Single(instance.PrivateAddresses).Value);
        Assert.Equal("key", instance.Authentication!.Type);
    }

    [Fact]
    public async Task GetAsync_CreatedInstanceXml_ReadsKeyName()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(RecordedExchange.Get("065"));
        using var client = _server.CreateClient();

        var instance = await client.Instances.GetAsync("inst4");

        Assert.Equal("test-key", instance.Authentication!.KeyName);
        Assert.Equal("rec-xml-1", instance.Name);
    }

    [Fact]
    public async Task ListAsync_HardwareProfilesXml_KeepsKindsUnitsRangesAndEnums()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(RecordedExchange.Get("033"));
        using var client = _server.CreateClient();

        var profiles = await client.HardwareProfiles.ListAsync();

        var large = profiles.Single(p => p.Id == "m1-large");
        var cpu = large.FindProperty("cpu")!;
        Assert.Equal((HardwarePropertyKind.Range, "count", "1", "1", "6", "hwp_cpu"), (cpu.Kind, cpu.Unit, cpu.Value, cpu.RangeFirst, cpu.RangeLast, cpu.ParameterName));
        var storage = large.FindProperty("storage")!;
        Assert.Equal(HardwarePropertyKind.Enum, storage.Kind);
        Assert.Equal("GB", storage.Unit);
        Assert.Equal(["850", "1024"], storage.EnumValues);
        Assert.Equal(HardwarePropertyKind.Fixed, large.FindProperty("architecture")!.Kind);
        Assert.Equal("1740.8", profiles.Single(p => p.Id == "m1-small").FindProperty("memory")!.Value);
        Assert.True(profiles.Single(p => p.Id == "opaque").IsOpaque);
    }

    [Fact]
    public async Task ListAsync_HardwareProfilesJson_KeepsDefaultsAndRestoresUnits()
    {
        _server.StubEntryPoint(DeltacloudFormat.Json);
        _server.Stub(RecordedExchange.Get("034"));
        using var client = _server.CreateClient(DeltacloudFormat.Json);

        var profiles = await client.HardwareProfiles.ListAsync();

        var memory = profiles.Single(p => p.Id == "m1-large").FindProperty("memory")!;
        Assert.Equal((HardwarePropertyKind.Unknown, "10240", "MB"), (memory.Kind, memory.Value, memory.Unit));
        Assert.True(profiles.Single(p => p.Id == "opaque").IsOpaque);
    }

    [Theory]
    [InlineData("043", DeltacloudFormat.Xml)]
    [InlineData("044", DeltacloudFormat.Json)]
    public async Task GetAsync_InstanceStates_BuildsStateMachine(string number, DeltacloudFormat format)
    {
        _server.StubEntryPoint(format);
        _server.Stub(RecordedExchange.Get(number));
        using var client = _server.CreateClient(format);

        var states = await client.InstanceStates.GetAsync();

        Assert.Equal(["start", "pending", "running", "stopped", "finish"], states.Select(s => s.State.Name));
        var pending = Assert.Single(states[1].Transitions);
        Assert.True(pending.IsAutomatic);
        Assert.Equal(DeltacloudInstanceState.Running, pending.To);
        Assert.Contains(states[3].Transitions, t => t.Action == "destroy" && t.To == DeltacloudInstanceState.Finish);
        Assert.Empty(states[4].Transitions);
    }

    [Theory]
    [InlineData("013", DeltacloudFormat.Xml)]
    [InlineData("014", DeltacloudFormat.Json)]
    public async Task ListAsync_Drivers_ReadsProviders(string number, DeltacloudFormat format)
    {
        _server.StubEntryPoint(format);
        _server.Stub(RecordedExchange.Get(number));
        using var client = _server.CreateClient(format);

        var drivers = await client.Drivers.ListAsync();

        var ec2 = drivers.Single(d => d.Id == "ec2");
        Assert.Equal("EC2", ec2.Name);
        Assert.Contains("us-east-1", ec2.Providers);
        Assert.Contains(drivers, d => d.Id == "mock");
    }

    [Theory]
    [InlineData("047", DeltacloudFormat.Xml)]
    [InlineData("048", DeltacloudFormat.Json)]
    public async Task GetAsync_Key_ReadsFingerprintAndHidesPemFromToString(string number, DeltacloudFormat format)
    {
        _server.StubEntryPoint(format);
        _server.Stub(RecordedExchange.Get(number));
        using var client = _server.CreateClient(format);

        var key = await client.Keys.GetAsync("test-key");

        Assert.Equal("5e:ce:b6:dc:59:3b:5c:93:f8:2e:9d:20:ce:60:ca:f5:0b:8a:66:93", key.Fingerprint);
        Assert.Equal("key", key.Type);
        Assert.StartsWith("-----BEGIN RSA PRIVATE KEY-----", key.PrivateKeyPem, StringComparison.Ordinal);
        Assert.DoesNotContain("BEGIN RSA", key.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("017", DeltacloudFormat.Xml)]
    [InlineData("018", DeltacloudFormat.Json)]
    public async Task ListAsync_Images_ReadsOwnerArchitectureAndProfiles(string number, DeltacloudFormat format)
    {
        _server.StubEntryPoint(format);
        _server.Stub(RecordedExchange.Get(number));
        using var client = _server.CreateClient(format);

        var image = (await client.Images.ListAsync())[0];

        Assert.Equal(("img1", "Fedora 10", "fedoraproject", "x86_64", "AVAILABLE", "transient"), (image.Id, image.Description, image.OwnerId, image.Architecture, image.State, image.RootType));
        Assert.Equal(["m1-small", "m1-large", "m1-xlarge", "opaque"], image.HardwareProfileIds);
    }

    [Theory]
    [InlineData("027", DeltacloudFormat.Xml)]
    [InlineData("028", DeltacloudFormat.Json)]
    public async Task ListAsync_Realms_ReadsNamesAndStates(string number, DeltacloudFormat format)
    {
        _server.StubEntryPoint(format);
        _server.Stub(RecordedExchange.Get(number));
        using var client = _server.CreateClient(format);

        var realms = await client.Realms.ListAsync();

        Assert.Equal(["United States", "Europe"], realms.Select(r => r.Name));
        Assert.All(realms, r => Assert.Equal("AVAILABLE", r.State));
    }
}
