using System.Text.Json;

namespace CloudConfig.Deltacloud.Tests;

/// <summary>
/// The streaming JSON instance reader against the document reading it replaced: for every document, the same
/// instances or the same error, whichever of the two reads it; and the usual list shapes take the streaming path.
/// </summary>
public sealed class JsonInstanceReaderTests
{
    public static TheoryData<string> Documents => new()
    {
        // The shapes servers send, and the values a lookup reads as text.
        """{"instances":[]}""",
        "[]",
        """[{"id":"a","state":"RUNNING"}]""",
        """{"other":[1,{"x":[]}],"instances":[{"id":"a"}],"more":{"a":[]}}""",
        """{"instances":[{"id":"a"}],"more":{"a":[]},"count":1}""",
        """{"instances":[{"id":12.50,"name":true,"state":false,"owner":{"x":1},"image":["img"],"realm":7,"href":null}]}""",
        """{"instances":[{"id":"\u0069d-\u00e9","name":"tab\there","owner_id":"o","launch_time":"t","create_time":"c"}]}""",
        // Escaped property names, at every level.
        """{"inst\u0061nces":[{"\u0069d":"a","n\u0061me":"x","image":{"\u0069d":"img"},"actions":[{"r\u0065l":"stop"}]}]}""",
        // Repeated properties: the last wins, whatever its kind.
        """{"instances":[{"id":"a","id":"b","state":"X","state":null,"name":"n","name":{}}]}""",
        """{"instances":[{"id":"a","hardware_profile":{"id":"p","properties":{"memory":"1"}},"hardware_profile":"q"}]}""",
        """{"instances":[{"id":"a","hardware_profile":{"properties":{"memory":"1"},"id":"p","properties":5}}]}""",
        """{"instances":[{"id":"a","hardware_profile":{"properties":{"m":"1","m":"2"},"properties":{"m":"3"}}}]}""",
        """{"instances":[{"id":"a","image":{"id":"i1","id":"i2"},"realm":{"href":"h"},"actions":[{"rel":"a"}],"actions":"none"}]}""",
        // Properties of every kind, nested lists, unknown parts.
        """{"instances":[{"id":"a","hardware_profile":{"id":"p","properties":{"memory":8192,"cpu":"2","ok":true,"no":false,"n":null,"o":{"x":1},"l":[1]}}}]}""",
        """{"instances":[{"id":"a","actions":[1,"x",null,[],{"href":"h","method":"delete","rel":"destroy","x":[{}]}]}]}""",
        """{"instances":[{"id":"a","public_addresses":[{"address":"ib0","type":"infiniband","port":5901},"10.0.0.1",7,null,{"port":"5902"},{"port":" 5903 "},{"port":5.5},{"port":"x"},{"port":true}],"private_addresses":"x"}]}""",
        """{"instances":[{"id":"a","firewalls":[{"id":"fw1"},"fw2",{},null,3,[]],"storage_volumes":{"id":"v"}}]}""",
        """{"instances":[{"id":"a","unknown":{"deep":[[[{"a":[1,2,{"b":null}]}]]]},"also":[true,false]}]}""",
        // Authentication: type alone, details alone, both, details replaced by a later value.
        """{"instances":[{"id":"a","authentication_type":"key"},{"id":"b","authentication":{"keyname":"k"}},{"id":"c","authentication":{"user":"u","username":"v","password":"p"},"authentication_type":"password"}]}""",
        """{"instances":[{"id":"a","authentication":{"user":"u"},"authentication":"none"},{"id":"b","authentication_type":null,"authentication":[]}]}""",
        // Shapes the streaming reader leaves to the document: single items, odd roots, repeated lists.
        """{"instance":{"id":"solo","state":"RUNNING"}}""",
        """{"id":"solo","state":"RUNNING"}""",
        """{"instances":{"id":"x"},"instance":{"id":"y"}}""",
        """{"instances":[{"id":"a"}],"instances":[{"id":"b"}]}""",
        """{"instances":[{"id":"a"}],"instances":"none","id":"c"}""",
        // Errors: the same exception whichever reader finds it.
        """{"instances":[{"state":"RUNNING"}]}""",
        """{"instances":[1]}""",
        """{"instances":[{"id":"a","hardware_profile":{"properties":{"m":"1","m":"2"}}}]}""",
        """{"instances":[{"id":"a"}""",
        """{"instances":[{"id":"a"}]} x""",
        """{"instances":[/* comment */]}""",
        """{"instances":[{"id":"a",}]}""",
        """{"instances":[{"id":"\ud800"}]}""",
        "{\"instances\":[{\"id\":\"a\ud800\"}]}",
        "\"text\"",
        string.Empty,
        "{\"instances\":[{\"id\":\"a\",\"x\":" + new string('[', 70) + new string(']', 70) + "}]}",
    };

    [Theory]
    [MemberData(nameof(Documents))]
    public void ParseInstances_AnyDocument_ReadsAsTheDocumentReaderDoes(string body)
    {
        var expected = Outcome(() => JsonDeltacloudParser.ParseInstancesFromDocument(body));

        var actual = Outcome(() => JsonDeltacloudParser.Instance.ParseInstances(body));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("""{"instances":[{"id":"a","hardware_profile":{"id":"p","properties":{"memory":"1"}},"actions":[{"rel":"stop","href":"h"}]}]}""")]
    [InlineData("""[{"id":"a"},{"id":"b"}]""")]
    [InlineData("""{"instances":[]}""")]
    public void TryParse_AListAsServersSendIt_ReadsItWithoutTheDocument(string body)
    {
        var instances = JsonInstanceReader.TryParse(body);

        Assert.NotNull(instances);
        Assert.Equal(Outcome(() => JsonDeltacloudParser.ParseInstancesFromDocument(body)), Outcome(() => instances));
    }

    [Theory]
    [InlineData("""{"instance":{"id":"solo"}}""")]
    [InlineData("""{"id":"solo","instances":[{"id":"a"}]}""")]
    [InlineData("""{"instances":[{"state":"RUNNING"}]}""")]
    [InlineData("""{"instances":[{"id":"a"}]} x""")]
    public void TryParse_AnotherShapeOrAnError_LeavesItToTheDocument(string body)
    {
        Assert.Null(JsonInstanceReader.TryParse(body));
    }

    private static string Outcome(Func<IReadOnlyList<Instance>> parse)
    {
        try
        {
            return "ok " + JsonSerializer.Serialize(parse());
        }
        catch (Exception e)
        {
            return $"error {e.GetType().FullName}: {e.Message}";
        }
    }
}
