using CloudConfig.Core;

namespace CloudConfig.Tool;

/// <summary>What an operator wants to know about an entry at a glance, derived the same way in every command.</summary>
internal static class EntryFacts
{
    /// <summary>The state's name as the protocol writes it (<c>registered</c>, <c>configuring</c>, ...).</summary>
    public static string StateName(InstanceState state) => state.ToString().ToLowerInvariant();

    /// <summary>The generation the reported state refers to; an agent that does not say is taken to mean the current one.</summary>
    public static long AppliedGeneration(ConfigEntry entry) => entry.Status.AppliedGeneration ?? entry.Generation;

    /// <summary>Whether the entry failed to apply its current configuration (not an older one a newer one replaced).</summary>
    public static bool HasFailed(ConfigEntry entry) =>
        entry.Status.State == InstanceState.Failed && AppliedGeneration(entry) >= entry.Generation;

    /// <summary>Whether the entry applied its current configuration successfully.</summary>
    public static bool IsConfigured(ConfigEntry entry) =>
        entry.Status.State == InstanceState.Configured && AppliedGeneration(entry) >= entry.Generation;
}
