using System.Text.Json;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;

namespace CloudConfig.Rendezvous.Tests;

public sealed class ProtocolJsonTests
{
    public static TheoryData<string, string> WireForms => new()
    {
        { "text", "\"text\"" },
        { "integer", "9223372036854775807" },
        { "beyond-2^53", "9007199254740993" },
        { "negative-zero", "-0.0" },
        { "one-as-number", "1.0" },
        { "largest", "1.7976931348623157E+308" },
        { "tiniest", "5E-324" },
        { "true", "true" },
    };

    [Fact]
    public void ReportMessage_ParametersOfEveryKind_RoundTripWithTheirKind()
    {
        var parameters = new Dictionary<string, ParameterValue>
        {
            ["text"] = "héllo \"q\" \u0001",
            ["max"] = long.MaxValue,
            ["min"] = long.MinValue,
            ["beyond-2^53"] = 9_007_199_254_740_993L,
            ["one-as-number"] = 1.0,
            ["negative-zero"] = -0.0,
            ["tenth"] = 0.1,
            ["tiniest"] = double.Epsilon,
            ["yes"] = true,
        };
        var message = ReportMessage.From(new InstanceReport(new InstanceStatus(InstanceState.Configured)) { Parameters = parameters });

        var json = JsonSerializer.Serialize(message, RendezvousJsonContext.Default.ReportMessage);
        var back = JsonSerializer.Deserialize(json, RendezvousJsonContext.Default.ReportMessage)!.ToReport();

        Assert.Equal(parameters.OrderBy(p => p.Key, StringComparer.Ordinal), back.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.All(parameters, p => Assert.Equal(p.Value.Kind, back.Parameters[p.Key].Kind));
    }

    [Theory]
    [MemberData(nameof(WireForms))]
    public void ParameterValue_WireForm_ReadsAndWritesBackIdentically(string name, string json)
    {
        var value = JsonSerializer.Deserialize<Dictionary<string, ParameterValue>>($"{{\"{name}\":{json}}}", Options())![name];

        Assert.Equal($"{{\"{name}\":{json}}}", JsonSerializer.Serialize(new Dictionary<string, ParameterValue> { [name] = value }, Options()));
    }

    [Fact]
    public void ParameterValue_IntegerAndNumberOfTheSameMagnitude_KeepTheirKinds()
    {
        var map = JsonSerializer.Deserialize<Dictionary<string, ParameterValue>>("""{"i":1,"n":1.0,"e":1e2}""", Options())!;

        Assert.Equal(ParameterKind.Integer, map["i"].Kind);
        Assert.Equal(ParameterKind.Number, map["n"].Kind);
        Assert.Equal(ParameterKind.Number, map["e"].Kind);
        Assert.Equal(100.0, map["e"].AsNumber());
    }

    [Fact]
    public void ParameterValue_NonFiniteNumber_CannotBeWritten()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new Dictionary<string, ParameterValue> { ["x"] = double.NaN }, Options()));
    }

    [Fact]
    public void ConfigurationContent_BinaryBytes_RoundTripAsBase64WithTheContentType()
    {
        var bytes = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();
        var message = new UpdateConfigurationMessage { Configuration = ConfigurationContent.FromBytes(bytes, "application/x-tar") };

        var json = JsonSerializer.Serialize(message, RendezvousJsonContext.Default.UpdateConfigurationMessage);
        var back = JsonSerializer.Deserialize(json, RendezvousJsonContext.Default.UpdateConfigurationMessage)!;

        Assert.Contains("\"contentType\":\"application/x-tar\"", json, StringComparison.Ordinal);
        Assert.Equal(message.Configuration, back.Configuration);
    }

    [Fact]
    public void RegistrationMessage_CarriesTheHashNeverTheSecret()
    {
        var secret = Secret.Generate();
        var registration = ConfigRegistration.ForBootSecret(Guid.NewGuid(), ConfigurationContent.FromText("x"), secret);

        var json = JsonSerializer.Serialize(RegistrationMessage.From(registration), RendezvousJsonContext.Default.RegistrationMessage);

        Assert.DoesNotContain(secret.Reveal(), json, StringComparison.Ordinal);
        Assert.Contains(secret.Hash().ToString(), json, StringComparison.Ordinal);
    }

    public static TheoryData<ConfigCacheException> CacheErrors => new()
    {
        new ConfigEntryNotFoundException(),
        new InvalidConfigInputException("status.detail", "is too long."),
        new ConfigurationTooLargeException(70_000, 65_536),
        new ConfigEntryAlreadyExistsException(Guid.NewGuid()),
        new NoDynamicEntryAvailableException("web"),
        new ConfigCacheFullException(10),
    };

    [Theory]
    [MemberData(nameof(CacheErrors))]
    public void Problems_EveryCacheError_MapsToAProblemAndBackToTheSameException(ConfigCacheException error)
    {
        var problem = RendezvousProblems.FromException(error)!;
        var json = JsonSerializer.Serialize(problem, RendezvousJsonContext.Default.ProblemMessage);

        var back = RendezvousProblems.ToException(problem.Status, JsonSerializer.Deserialize(json, RendezvousJsonContext.Default.ProblemMessage));

        Assert.StartsWith("urn:cloudconfig:problem:", problem.Type, StringComparison.Ordinal);
        Assert.IsType(error.GetType(), back);
        Assert.Equal(error.Message, back!.Message);
    }

    private static JsonSerializerOptions Options() => new() { Converters = { new ParameterValueJsonConverter() } };
}
