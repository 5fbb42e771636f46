using System.Buffers;
using System.Text.Json;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>The fetch's hand-written body is byte for byte what the protocol's serializer writes for the same message.</summary>
public sealed class InstanceConfigurationJsonTests
{
    public static TheoryData<InstanceConfiguration> Configurations => new()
    {
        new InstanceConfiguration(Guid.NewGuid(), ConfigurationContent.FromText("echo hi"), 1),
        new InstanceConfiguration(Guid.Empty, ConfigurationContent.FromBytes([]), 0),
        new InstanceConfiguration(Guid.NewGuid(), ConfigurationContent.FromBytes([0, 1, 2, 0xfe, 0xff, (byte)'<', (byte)'"']), long.MaxValue)
        {
            Domain = "prod \"eu\" <west> & ünïcode \u0001 \ud83d\ude00",
            ConfigHosts = ["10.0.0.1:8443", "[2001:db8::1]:8443", "host\\with\"quotes</script>"],
        },
        new InstanceConfiguration(Guid.NewGuid(), ConfigurationContent.FromText(new string('x', 70_000), "text/x-shellscript; charset=\"utf-8\" é"), 42)
        {
            Domain = "",
            ConfigHosts = [],
        },
    };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Write_GivesTheSerializersBytes(InstanceConfiguration configuration)
    {
        var expected = JsonSerializer.SerializeToUtf8Bytes(InstanceConfigurationMessage.From(configuration), RendezvousJsonContext.Default.InstanceConfigurationMessage);
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = RendezvousJsonContext.Default.Options.Encoder }))
        {
            InstanceConfigurationJson.Write(writer, configuration);
        }

        Assert.Equal(System.Text.Encoding.UTF8.GetString(expected), System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan));
        Assert.True(expected.AsSpan().SequenceEqual(buffer.WrittenSpan));
        var back = JsonSerializer.Deserialize(buffer.WrittenSpan, RendezvousJsonContext.Default.InstanceConfigurationMessage)!.ToInstanceConfiguration();
        Assert.Equal(configuration.Configuration, back.Configuration);
        Assert.Equal(configuration.ConfigHosts, back.ConfigHosts);
        Assert.Equal(configuration.Domain, back.Domain);
    }
}
