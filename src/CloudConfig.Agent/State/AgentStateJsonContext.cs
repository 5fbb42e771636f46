using System.Text.Json.Serialization;

namespace CloudConfig.Agent;

/// <summary>Source-generated JSON for the state file: no reflection, so the agent stays trim- and AOT-safe.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AgentState))]
[JsonSerializable(typeof(RunRecord))]
internal sealed partial class AgentStateJsonContext : JsonSerializerContext
{
}
