using System.Text.Json.Serialization;

namespace CloudConfig.Rendezvous.Protocol;

/// <summary>
/// The source-generated serializer for every rendezvous message: strict (required members, no nulls where none
/// are allowed, no duplicate properties, numbers never read from strings) and free of reflection.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.Strict,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowDuplicateProperties = false,
    MaxDepth = 16,
    Converters = [typeof(ParameterValueJsonConverter), typeof(ConfigurationContentJsonConverter), typeof(InstanceStateJsonConverter)])]
[JsonSerializable(typeof(RegistrationMessage))]
[JsonSerializable(typeof(ReportMessage))]
[JsonSerializable(typeof(InstanceConfigurationMessage))]
[JsonSerializable(typeof(EntryMessage))]
[JsonSerializable(typeof(EntryPageMessage))]
[JsonSerializable(typeof(UpdateConfigurationMessage))]
[JsonSerializable(typeof(RemoveStaleMessage))]
[JsonSerializable(typeof(RemoveStaleResultMessage))]
[JsonSerializable(typeof(HealthMessage))]
[JsonSerializable(typeof(ProblemMessage))]
public sealed partial class RendezvousJsonContext : JsonSerializerContext
{
}
