using System.Globalization;
using CloudConfig.Core;

namespace CloudConfig.Agent;

/// <summary>Maps between the contract's types and their plain forms in the state file.</summary>
internal static class AgentStateConversions
{
    public static StoredEndpoint ToStored(this RendezvousEndpoint endpoint) =>
        new(endpoint.Address.ToString(), endpoint.Fingerprint?.ToString(), endpoint.Scheme);

    public static RendezvousEndpoint ToEndpoint(this StoredEndpoint stored) =>
        new(RendezvousAddress.Parse(stored.Address), stored.Fingerprint is null ? null : CertificateFingerprint.Parse(stored.Fingerprint), stored.Scheme);

    public static StoredStatus ToStored(this InstanceStatus status) =>
        new(status.State.ToString(), status.ExitCode, status.Detail);

    public static InstanceStatus ToStatus(this StoredStatus stored, long? generation) =>
        new(Enum.TryParse<InstanceState>(stored.State, out var state) ? state : InstanceState.Unknown, stored.ExitCode, stored.Detail, generation);

    public static Dictionary<string, StoredParameter> ToStored(this IReadOnlyDictionary<string, ParameterValue> parameters) =>
        parameters.ToDictionary(p => p.Key, p => new StoredParameter(p.Value.Kind.ToString(), p.Value.ToString()), StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, ParameterValue> ToParameters(this Dictionary<string, StoredParameter> stored) =>
        stored.ToDictionary(p => p.Key, p => ToValue(p.Value), StringComparer.Ordinal).AsReadOnly();

    private static ParameterValue ToValue(StoredParameter stored) =>
        Enum.TryParse<ParameterKind>(stored.Kind, out var kind) ? kind switch
        {
            ParameterKind.Integer => ParameterValue.FromInteger(long.Parse(stored.Value, CultureInfo.InvariantCulture)),
            ParameterKind.Number => ParameterValue.FromNumber(double.Parse(stored.Value, CultureInfo.InvariantCulture)),
            ParameterKind.Boolean => ParameterValue.FromBoolean(stored.Value == "true"),
            _ => ParameterValue.FromString(stored.Value),
        } : ParameterValue.FromString(stored.Value);
}
