using CloudConfig.Deltacloud.Tests.Support;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>What the client sends on create and actions, checked against the recorded requests.</summary>
public sealed class InstanceCreateAndActionTests : IDisposable
{
    private const string RecordedUserData = "#!/bin/sh\necho 'hello from user_data' > /tmp/hello\n";
    private readonly ReplayServer _server = new();

    public void Dispose() => _server.Dispose();

    [Fact]
    public async Task CreateAsync_XmlWithUserData_SendsTheRecordedFormBodyByteForByte()
    {
        var recorded = RecordedExchange.Get("064");
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(recorded);
        using var client = _server.CreateClient();

        var instance = await client.Instances.CreateAsync(new CreateInstanceRequest("img1")
        {
            RealmId = "eu",
            HardwareProfileId = "m1-small",
            Name = "rec-xml-1",
            KeyName = "test-key",
            UserData = RecordedUserData,
        });

        Assert.Equal(("inst4", "eu", "m1-small"), (instance.Id, instance.RealmId, instance.HardwareProfileId));
        var sent = Assert.Single(_server.Server.LogEntries, e => e.RequestMessage.Method == "POST");
        Assert.Equal(recorded.RequestBody, sent.RequestMessage.Body);
        Assert.StartsWith("application/x-www-form-urlencoded", sent.RequestMessage.Headers!["Content-Type"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_JsonWithProfileOverrides_SendsTheRecordedFormBodyAndReadsWrappedInstance()
    {
        var recorded = RecordedExchange.Get("075");
        _server.StubEntryPoint(DeltacloudFormat.Json);
        _server.Stub(recorded);
        using var client = _server.CreateClient(DeltacloudFormat.Json);

        var instance = await client.Instances.CreateAsync(new CreateInstanceRequest("img3")
        {
            HardwareProfileId = "m1-large",
            Memory = "8192",
            Cpu = "2",
            Storage = "1024",
            Name = "rec-json-1",
            UserData = RecordedUserData,
        });

        Assert.Equal(("inst4", "8192"), (instance.Id, instance.HardwareProfileOverrides["memory"]));
        Assert.Equal(recorded.RequestBody, Assert.Single(_server.Server.LogEntries, e => e.RequestMessage.Method == "POST").RequestMessage.Body);
    }

    [Fact]
    public async Task BuildForm_EveryParameter_UsesDeltacloudNamesAndBase64ThatSurvivesFormEncoding()
    {
        var request = new CreateInstanceRequest("ami-1")
        {
            Architecture = "x86_64",
            Password = "pw",
            Firewalls = ["default", "web"],
            InstanceCount = 1,
            LoadBalancerId = "lb",
            UserFiles = "f",
            UserIso = "iso",
            UserData = "\u00fb\u00ff?>",
        };

        var form = InstancesClient.BuildForm(request, 16 * 1024).ToDictionary(p => p.Key, p => p.Value);

        Assert.Equal(["image_id", "hwp_architecture", "user_data", "password", "firewalls1", "firewalls2", "instance_count", "load_balancer_id", "user_files", "user_iso"], form.Keys);
        Assert.Equal("w7vDvz8+", form["user_data"]);
        Assert.Contains("%2B", await new FormUrlEncodedContent(form).ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_UserDataOverLimit_FailsBeforeSendingAndHidesContent()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        using var client = _server.CreateClient();
        var secret = "S3CRET" + new string('x', 16 * 1024);

        var error = await Assert.ThrowsAsync<DeltacloudUserDataTooLargeException>(() => client.Instances.CreateAsync(new CreateInstanceRequest("img1") { UserData = secret }));

        Assert.Contains("16390 bytes", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3CRET", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, _server.CountRequests("POST", "/api/instances"));
    }

    [Fact]
    public async Task CreateAsync_UserDataAtConfiguredLimit_IsSent()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(RecordedExchange.Get("085"));
        using var client = _server.CreateClient(configure: o => o.MaxUserDataBytes = 64 * 1024);

        var instance = await client.Instances.CreateAsync(new CreateInstanceRequest("img2") { UserData = new string('x', 64 * 1024) });

        Assert.Equal("i-1795604163", instance.Name);
    }

    [Fact]
    public async Task StopAsync_ActionNotListed_FailsBeforeAnyRequest()
    {
        using var client = _server.CreateClient();
        var stopped = new Instance("inst4", DeltacloudInstanceState.Stopped) { Actions = [new DeltacloudLink("start", $"{_server.Url}/api/instances/inst4/start", "post")] };

        var error = await Assert.ThrowsAsync<DeltacloudActionNotAvailableException>(() => client.Instances.StopAsync(stopped));

        Assert.Contains("does not allow 'stop'", error.Message, StringComparison.Ordinal);
        Assert.Contains("start", error.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Server.LogEntries);
    }

    [Fact]
    public async Task StopAsync_FollowsLink_ReturnsStoppedInstanceThatAllowsDestroy()
    {
        _server.StubEntryPoint(DeltacloudFormat.Xml);
        _server.Stub(RecordedExchange.Get("065"));
        _server.Stub(RecordedExchange.Get("067"));
        using var client = _server.CreateClient();

        var running = await client.Instances.GetAsync("inst4");
        var stopped = await client.Instances.StopAsync(running);

        Assert.Equal(DeltacloudInstanceState.Stopped, stopped.State);
        Assert.True(stopped.CanPerform(InstanceActions.Destroy));
        Assert.Equal("delete", stopped.FindAction(InstanceActions.Destroy)!.Method);
    }

    [Fact]
    public async Task StopAsync_JsonAnswerNotWrapped_IsParsed()
    {
        _server.Stub(RecordedExchange.Get("079"));
        using var client = _server.CreateClient(DeltacloudFormat.Json);
        var running = new Instance("inst4", DeltacloudInstanceState.Running) { Actions = [new DeltacloudLink("stop", $"{_server.Url}/api/instances/inst4/stop", "post")] };

        var stopped = await client.Instances.StopAsync(running);

        Assert.Equal((DeltacloudInstanceState.Stopped, "rec-json-1"), (stopped.State, stopped.Name));
    }

    [Fact]
    public void InstanceState_UnknownName_IsKeptAndComparedIgnoringCase()
    {
        var state = new DeltacloudInstanceState("SHELVED");

        Assert.False(state.IsKnown);
        Assert.Equal("SHELVED", state.ToString());
        Assert.Equal(DeltacloudInstanceState.Running, new DeltacloudInstanceState("running"));
    }

    [Fact]
    public void Parsers_UnknownStateAddressTypeAndFeature_AreKept()
    {
        var instance = XmlDeltacloudParser.Instance.ParseInstances(
            "<instance id='i1'><state>HIBERNATING</state><public_addresses><address type='vnc' port='5901'>10.0.0.1</address><address type='ipx'>a</address></public_addresses></instance>")[0];
        var entry = JsonDeltacloudParser.Instance.ParseEntryPoint(
            "{\"api\":{\"version\":\"1.1.3\",\"driver\":\"ec2\",\"links\":[{\"rel\":\"instances\",\"href\":\"h\",\"features\":[[{\"name\":\"teleport\",\"rel\":\"create\",\"params\":[\"where:string:optional\"],\"constraints\":{\"max\":\"3\"}}]]}]}}");

        Assert.Equal("HIBERNATING", instance.State.Name);
        Assert.Equal((AddressType.Vnc, 5901), (instance.PublicAddresses[0].Type, instance.PublicAddresses[0].Port));
        Assert.Equal("ipx", instance.PublicAddresses[1].Type.Name);
        var feature = Assert.Single(entry.Collections[0].Features);
        Assert.Equal(("teleport", "where", "3"), (feature.Name, feature.Params[0], feature.Constraints["max"]));
    }
}
