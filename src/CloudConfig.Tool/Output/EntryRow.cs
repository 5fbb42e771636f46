using CloudConfig.Core;

namespace CloudConfig.Tool;

/// <summary>
/// One entry as a row of <c>entries list</c> and <c>entries watch</c>: every cell cleaned, never empty, in the
/// column order of <see cref="Headers"/>, which plain output keeps stable for scripts.
/// </summary>
internal sealed record EntryRow(
    string Uuid,
    string State,
    string Generation,
    string Applied,
    string ExitCode,
    string Address,
    string LastContact,
    string Domain,
    string Pool,
    string Replays,
    string Detail)
{
    public static IReadOnlyList<string> Headers { get; } =
        ["UUID", "STATE", "GEN", "APPLIED", "EXIT", "ADDRESS", "LAST-CONTACT", "DOMAIN", "POOL", "REPLAYS", "DETAIL"];

    public static EntryRow From(ConfigEntry entry) => new(
        entry.Uuid.ToString(),
        EntryFacts.StateName(entry.Status.State),
        DisplayText.Number(entry.Generation),
        DisplayText.Number(entry.Status.AppliedGeneration),
        DisplayText.Number(entry.Status.ExitCode),
        DisplayText.Clean(entry.Address),
        DisplayText.Timestamp(entry.LastContactAt),
        DisplayText.Clean(entry.Domain),
        DisplayText.Clean(entry.DynamicPool),
        DisplayText.Number(entry.BootSecretReplays),
        entry.Status.State == InstanceState.Failed ? DisplayText.LastLine(entry.Status.Detail) : DisplayText.Empty);

    public IReadOnlyList<string> Cells() =>
        [Uuid, State, Generation, Applied, ExitCode, Address, LastContact, Domain, Pool, Replays, Detail];
}
