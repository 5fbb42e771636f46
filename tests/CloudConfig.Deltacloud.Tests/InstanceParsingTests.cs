namespace CloudConfig.Deltacloud.Tests;

/// <summary>
/// What the instance parsers keep beyond the recordings: values a server may add later, optional parts, odd layouts.
/// Written before the parsers were made faster, so the faster ones keep all of it.
/// </summary>
public sealed class InstanceParsingTests
{
    private const string RichXml = """
        <?xml version='1.0' encoding='utf-8' ?>
        <instances>
          <instance href='http://h/api/instances/i1' id='i1'>
            <name> web <![CDATA[one]]> </name>
            <name>ignored second name</name>
            <owner_id>me</owner_id>
            <image href='http://h/api/images/img9' id='img9'></image>
            <realm id='r1'/>
            <state>HIBERNATING</state>
            <launch_time>2026-11-25T10:00:00Z</launch_time>
            <hardware_profile id='m1-large'>
              <property name='memory' value='8192'/>
              <property value='no name'/>
              <property name='cpu'/>
            </hardware_profile>
            <actions>
              <link href='http://h/api/instances/i1/hibernate' rel='hibernate'/>
              <link href='http://h/api/instances/i1' method='delete' rel='destroy'/>
              <other/>
            </actions>
            <public_addresses>
              <address type='infiniband' port='5901'>ib0</address>
              <address>  10.0.0.1  </address>
              <address type='vnc' port='x'>vnc.example</address>
            </public_addresses>
            <private_addresses></private_addresses>
            <authentication type='password'><login><username>root</username><password>pw</password></login></authentication>
            <firewalls><firewall id='fw1'/><firewall> fw2 </firewall><firewall/></firewalls>
            <storage_volumes><storage_volume id='vol1'/><storage_volume/></storage_volumes>
            <unknown_element><name>not the instance's</name></unknown_element>
          </instance>
          <other_item id='x'/>
          <instance id='i2'><id>ignored</id><state></state><name></name></instance>
          <instance><id> i3 </id></instance>
        </instances>
        """;

    private const string RichJson = """
        {"instances":[
          {"id":"i1","href":"http://h/api/instances/i1","name":"web one","owner_id":"me","state":"HIBERNATING",
           "image":"img9","realm":{"id":"r1"},"hardware_profile":{"id":"m1-large","properties":{"memory":8192,"cpu":"2"}},
           "actions":[{"href":"http://h/api/instances/i1/hibernate","rel":"hibernate"},{"href":"http://h/api/instances/i1","rel":"destroy","method":"delete"}],
           "public_addresses":[{"address":"ib0","type":"infiniband","port":5901},"10.0.0.1",{"address":"vnc.example","type":"vnc","port":"x"}],
           "private_addresses":[],
           "create_time":"2026-11-25T10:00:00Z",
           "authentication_type":"password","authentication":{"user":"root","password":"pw"},
           "firewalls":[{"id":"fw1"},"fw2",{}],"storage_volumes":[{"id":"vol1"},"vol2",null],
           "unknown":{"name":"not the instance's"}},
          {"id":"i2","state":"RUNNING","name":null,"owner":"them","owner_id":"not used","launch_time":"t1","create_time":"not used","hardware_profile":"m1-small"}
        ]}
        """;

    [Fact]
    public void ParseInstances_RichXml_KeepsEveryPartAndUnknownValues()
    {
        var instances = XmlDeltacloudParser.Instance.ParseInstances(RichXml);

        Assert.Equal(["i1", "i2", "i3"], instances.Select(i => i.Id));
        var i1 = instances[0];
        Assert.Equal(("http://h/api/instances/i1", "web one", "me", "img9", "r1", "m1-large"), (i1.Href, i1.Name, i1.OwnerId, i1.ImageId, i1.RealmId, i1.HardwareProfileId));
        Assert.Equal("HIBERNATING", i1.State.Name);
        Assert.False(i1.State.IsKnown);
        Assert.Equal("2026-11-25T10:00:00Z", i1.LaunchTime);
        Assert.Equal(new Dictionary<string, string> { ["memory"] = "8192", ["cpu"] = string.Empty }, i1.HardwareProfileOverrides);
        Assert.Equal([("hibernate", "post"), ("destroy", "delete")], i1.Actions.Select(a => (a.Rel, a.Method)));
        Assert.Equal([("ib0", "infiniband", (int?)5901), ("10.0.0.1", string.Empty, null), ("vnc.example", "vnc", null)], i1.PublicAddresses.Select(a => (a.Value, a.Type.Name, a.Port)));
        Assert.False(i1.PublicAddresses[0].Type.IsKnown);
        Assert.Empty(i1.PrivateAddresses);
        Assert.Equal(("password", null, "root", "pw"), (i1.Authentication!.Type, i1.Authentication.KeyName, i1.Authentication.Username, i1.Authentication.Password));
        Assert.Equal(["fw1", "fw2"], i1.Firewalls);
        Assert.Equal(["vol1"], i1.StorageVolumeIds);

        var i2 = instances[1];
        Assert.Equal((string.Empty, null, null, null), (i2.State.Name, i2.Name, i2.Authentication, i2.Href));
        Assert.Empty(i2.Actions);
        Assert.Empty(i2.HardwareProfileOverrides);
        Assert.Equal("i3", instances[2].Id);
    }

    [Fact]
    public void ParseInstances_RichJson_KeepsEveryPartAndUnknownValues()
    {
        var instances = JsonDeltacloudParser.Instance.ParseInstances(RichJson);

        var i1 = instances[0];
        Assert.Equal(("http://h/api/instances/i1", "web one", "me", "img9", "r1", "m1-large"), (i1.Href, i1.Name, i1.OwnerId, i1.ImageId, i1.RealmId, i1.HardwareProfileId));
        Assert.Equal("HIBERNATING", i1.State.Name);
        Assert.Equal("2026-11-25T10:00:00Z", i1.LaunchTime);
        Assert.Equal(new Dictionary<string, string> { ["memory"] = "8192", ["cpu"] = "2" }, i1.HardwareProfileOverrides);
        Assert.Equal([("hibernate", "post"), ("destroy", "delete")], i1.Actions.Select(a => (a.Rel, a.Method)));
        Assert.Equal([("ib0", "infiniband", (int?)5901), ("10.0.0.1", string.Empty, null), ("vnc.example", "vnc", null)], i1.PublicAddresses.Select(a => (a.Value, a.Type.Name, a.Port)));
        Assert.Empty(i1.PrivateAddresses);
        Assert.Equal(("password", null, "root", "pw"), (i1.Authentication!.Type, i1.Authentication.KeyName, i1.Authentication.Username, i1.Authentication.Password));
        Assert.Equal(["fw1", "fw2"], i1.Firewalls);
        Assert.Equal(["vol1", "vol2"], i1.StorageVolumeIds);

        var i2 = instances[1];
        Assert.Equal((null, "them", "t1", "m1-small", null), (i2.Name, i2.OwnerId, i2.LaunchTime, i2.HardwareProfileId, i2.Authentication));
        Assert.Empty(i2.HardwareProfileOverrides);
        Assert.Empty(i2.PublicAddresses);
    }

    [Theory]
    [InlineData("<instance id='solo'><state>RUNNING</state></instance>")]
    [InlineData("{\"instance\":{\"id\":\"solo\",\"state\":\"RUNNING\"}}")]
    [InlineData("{\"id\":\"solo\",\"state\":\"RUNNING\"}")]
    [InlineData("[{\"id\":\"solo\",\"state\":\"RUNNING\"}]")]
    public void ParseInstances_SingleOrBareItem_GivesOneInstance(string body)
    {
        IDeltacloudParser parser = body.StartsWith('<') ? XmlDeltacloudParser.Instance : JsonDeltacloudParser.Instance;

        var instance = Assert.Single(parser.ParseInstances(body));

        Assert.Equal(("solo", DeltacloudInstanceState.Running), (instance.Id, instance.State));
    }

    [Theory]
    [InlineData("<images><image id='x'/></images>", typeof(FormatException))]
    [InlineData("<instances><instance id='a'></instances>", typeof(System.Xml.XmlException))]
    [InlineData("<instances><instance id='a'/></instances><trailing/>", typeof(System.Xml.XmlException))]
    [InlineData("<instances><instance/></instances>", typeof(FormatException))]
    [InlineData("{\"instances\":[{\"state\":\"RUNNING\"}]}", typeof(FormatException))]
    [InlineData("{\"instances\":[{\"id\":\"a\"}", typeof(System.Text.Json.JsonException))]
    public void ParseInstances_BrokenDocument_Throws(string body, Type expected)
    {
        IDeltacloudParser parser = body.StartsWith('<') ? XmlDeltacloudParser.Instance : JsonDeltacloudParser.Instance;

        var error = Record.Exception(() => parser.ParseInstances(body));

        Assert.IsAssignableFrom(expected, error);
    }
}
