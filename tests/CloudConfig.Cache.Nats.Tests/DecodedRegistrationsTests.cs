using CloudConfig.Core;

namespace CloudConfig.Cache.Nats.Tests;

/// <summary>Repeated fetches of an unchanged entry reuse its decoded registration; any other revision is decoded afresh.</summary>
public sealed class DecodedRegistrationsTests
{
    private static readonly Guid Uuid = Guid.NewGuid();

    [Fact]
    public void Decode_TheSameRevisionAgain_ReturnsTheRecordDecodedBefore()
    {
        var decoded = new DecodedRegistrations();
        var bytes = Record("v1").Encode();

        var first = decoded.Decode(Uuid, new KvRead(bytes, 7, WasRemoved: false));
        var again = decoded.Decode(Uuid, new KvRead(bytes, 7, WasRemoved: false));

        Assert.Same(first, again);
    }

    [Fact]
    public void Decode_ANewRevision_DecodesItsOwnBytes()
    {
        var decoded = new DecodedRegistrations();
        decoded.Decode(Uuid, new KvRead(Record("v1").Encode(), 7, WasRemoved: false));

        var updated = decoded.Decode(Uuid, new KvRead(Record("v2").Encode(), 9, WasRemoved: false));

        Assert.Equal("v2", updated.Configuration.AsText());
    }

    [Fact]
    public void Decode_ARecordOverTheSizeKept_IsDecodedEveryTime()
    {
        var decoded = new DecodedRegistrations();
        var bytes = Record(new string('x', DecodedRegistrations.MaxRecordBytes)).Encode();

        var first = decoded.Decode(Uuid, new KvRead(bytes, 7, WasRemoved: false));
        var again = decoded.Decode(Uuid, new KvRead(bytes, 7, WasRemoved: false));

        Assert.NotSame(first, again);
        Assert.Equal(first.Configuration, again.Configuration);
    }

    private static RegistrationRecord Record(string configuration) =>
        RegistrationRecord.For(ConfigRegistration.ForBootSecret(Uuid, ConfigurationContent.FromText(configuration), Secret.Generate()), DateTimeOffset.UnixEpoch);
}
