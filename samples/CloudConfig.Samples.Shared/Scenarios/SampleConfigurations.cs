using System.Globalization;
using System.Text;
using CloudConfig.Core;

namespace CloudConfig.Samples.Shared;

/// <summary>The configurations the samples hand out: small <c>/bin/sh</c> scripts that write <c>key=value</c> parameters.</summary>
public static class SampleConfigurations
{
    /// <summary>The roles, in the order the samples use them.</summary>
    public static IReadOnlyList<string> Roles { get; } = ["web", "db", "cache"];

    /// <summary>The configuration of one role; version 2 of "web" turns TLS on.</summary>
    /// <param name="role">One of <see cref="Roles"/>.</param>
    /// <param name="version">1, or 2 for the update the QuickStart pushes.</param>
    /// <param name="extra">Further parameters to write, e.g. which pool entry this is.</param>
    /// <returns>The script.</returns>
    public static ConfigurationContent ForRole(string role, int version = 1, IReadOnlyDictionary<string, string>? extra = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(role);
        var parameters = role switch
        {
            "web" when version >= 2 => new Dictionary<string, string> { ["port"] = "443", ["tls"] = "true", ["workers"] = "8" },
            "web" => new Dictionary<string, string> { ["port"] = "80", ["workers"] = "4" },
            "db" => new Dictionary<string, string> { ["port"] = "5432", ["engine"] = "postgres" },
            "cache" => new Dictionary<string, string> { ["port"] = "6379", ["max_memory_mb"] = "256" },
            _ => throw new ArgumentException($"Unknown role '{role}'; use {string.Join(", ", Roles)}.", nameof(role)),
        };
        var script = new StringBuilder()
            .Append("#!/bin/sh\n")
            .Append(CultureInfo.InvariantCulture, $"# CloudConfig sample: the {role} role, version {version}.\n")
            .Append("set -e\n")
            .Append("out=\"$CLOUDCONFIG_PARAMETERS_FILE\"\n")
            .Append(CultureInfo.InvariantCulture, $"echo 'role={role}' >> \"$out\"\n");
        foreach (var (key, value) in parameters.Concat(extra ?? new Dictionary<string, string>()))
        {
            script.Append(CultureInfo.InvariantCulture, $"echo '{key}={value}' >> \"$out\"\n");
        }

        // Proves the script ran on the instance and saw which generation it applies.
        script.Append("echo \"generation=$CLOUDCONFIG_GENERATION\" >> \"$out\"\n");
        return ConfigurationContent.FromText(script.ToString(), "text/x-shellscript");
    }
}
