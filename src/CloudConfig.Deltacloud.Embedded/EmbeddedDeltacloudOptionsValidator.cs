using System.Net;
using Microsoft.Extensions.Options;

namespace CloudConfig.Deltacloud.Embedded;

/// <summary>Checks <see cref="EmbeddedDeltacloudOptions"/> and reports every problem at once.</summary>
internal sealed class EmbeddedDeltacloudOptionsValidator : IValidateOptions<EmbeddedDeltacloudOptions>
{
    public ValidateOptionsResult Validate(string? name, EmbeddedDeltacloudOptions options)
    {
        var problems = new List<string>();
        if (options.ListenAddress is null || !IPAddress.IsLoopback(options.ListenAddress))
        {
            problems.Add("ListenAddress must be a loopback address.");
        }

        if (options.Port is < 0 or > IPEndPoint.MaxPort)
        {
            problems.Add($"Port must be between 0 and {IPEndPoint.MaxPort}.");
        }

        if (string.IsNullOrEmpty(options.Username) || options.Username.Contains(':', StringComparison.Ordinal))
        {
            problems.Add("Username must be non-empty and must not contain ':'.");
        }

        if (string.IsNullOrEmpty(options.Password))
        {
            problems.Add("Password must be non-empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Driver))
        {
            problems.Add("Driver must be non-empty.");
        }

        if (options.PendingDuration < TimeSpan.Zero)
        {
            problems.Add("PendingDuration must not be negative.");
        }

        if (options.CreateLatency < TimeSpan.Zero)
        {
            problems.Add("CreateLatency must not be negative.");
        }

        if (options.TimeProvider is null)
        {
            problems.Add("TimeProvider must not be null.");
        }

        CheckIds(problems, "Images", options.Images.Select(i => i?.Id));
        CheckIds(problems, "Realms", options.Realms.Select(r => r?.Id));
        CheckIds(problems, "HardwareProfiles", options.HardwareProfiles.Select(p => p?.Id));
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    private static void CheckIds(List<string> problems, string list, IEnumerable<string?> ids)
    {
        var all = ids.ToList();
        if (all.Count == 0)
        {
            problems.Add($"{list} must not be empty.");
        }
        else if (all.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{list} must not hold null entries or blank ids.");
        }
        else if (all.Distinct(StringComparer.Ordinal).Count() != all.Count)
        {
            problems.Add($"{list} must not repeat an id.");
        }
    }
}
