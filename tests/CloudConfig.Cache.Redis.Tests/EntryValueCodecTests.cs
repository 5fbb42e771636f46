using CloudConfig.Core;

namespace CloudConfig.Cache.Redis.Tests;

public sealed class EntryValueCodecTests
{
    [Fact]
    public void Parameters_ExtremeValues_RoundTripBitForBit()
    {
        var parameters = new Dictionary<string, ParameterValue>
        {
            ["min"] = long.MinValue,
            ["max"] = long.MaxValue,
            ["negative-zero"] = -0.0,
            ["epsilon"] = double.Epsilon,
            ["lowest"] = double.MinValue,
            ["lone surrogate \ud800"] = "value with a lone low surrogate \udc00 and 😀",
            ["nul"] = "a\0b",
            ["bool"] = true,
        };

        var decoded = EntryValueCodec.DecodeParameters(EntryValueCodec.EncodeParameters(parameters));

        Assert.Equal(parameters.OrderBy(p => p.Key, StringComparer.Ordinal), decoded.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.True(double.IsNegative(decoded["negative-zero"].AsNumber()));
        Assert.Equal("value with a lone low surrogate \udc00 and 😀", decoded["lone surrogate \ud800"].AsString());
    }

    [Fact]
    public void Status_EveryField_RoundTrips()
    {
        var status = new InstanceStatus((InstanceState)42, int.MinValue, "tail \ud83d of output", long.MaxValue);

        Assert.Equal(status, EntryValueCodec.DecodeStatus(EntryValueCodec.EncodeStatus(status)));
        Assert.Equal(InstanceStatus.Registered, EntryValueCodec.DecodeStatus(EntryValueCodec.EncodeStatus(InstanceStatus.Registered)));
    }

    [Fact]
    public void Hosts_RoundTripInOrder()
    {
        string[] hosts = ["[2001:db8::1]:8443", "10.0.0.1", "ünïcode.example"];

        Assert.Equal(hosts, EntryValueCodec.DecodeHosts(EntryValueCodec.EncodeHosts(hosts)));
        Assert.Equal(hosts, EntryValueCodec.DecodeHosts(EntryValueCodec.EncodeHosts(hosts).AsSpan()));
        Assert.Empty(EntryValueCodec.DecodeHosts(EntryValueCodec.EncodeHosts([])));
        Assert.Empty(EntryValueCodec.DecodeHosts(EntryValueCodec.EncodeHosts([]).AsSpan()));
        Assert.Empty(EntryValueCodec.DecodeHosts(ReadOnlySpan<byte>.Empty));
    }
}
