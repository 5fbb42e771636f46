using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Protocol;

/// <summary>The body of <c>update_cache</c>.</summary>
public sealed record ReportMessage
{
    /// <summary>The status.</summary>
    public required StatusMessage Status { get; init; }

    /// <summary>The address the instance can be reached at.</summary>
    public string? Address { get; init; }

    /// <summary>The parameters; replaces the previous map.</summary>
    public IReadOnlyDictionary<string, ParameterValue> Parameters { get; init; } = ConfigEntry.NoParameters;

    /// <summary>The message for a report.</summary>
    public static ReportMessage From(InstanceReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new() { Status = StatusMessage.From(report.Status), Address = report.Address, Parameters = report.Parameters };
    }

    // Source-generated JSON sets init-only members like constructor arguments, so a member missing from the
    // body arrives as null rather than its initializer: the defaults are restored here.
    /// <summary>The report this message describes.</summary>
    public InstanceReport ToReport() => new(Status.ToStatus()) { Address = Address, Parameters = Parameters ?? ConfigEntry.NoParameters };
}
