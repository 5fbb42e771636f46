using CloudConfig.Core;

namespace CloudConfig.Testing;

/// <summary>
/// Disposing a <see cref="LocalCloud"/> could not end everything it started: on a Deltacloud of your own, a machine
/// may still run. Everything else (agents, services, server) was stopped all the same.
/// </summary>
public sealed class LocalTeardownException : CloudConfigException
{
    /// <summary>Creates the exception from the report of the teardown that failed.</summary>
    /// <param name="report">What was ended and what was not.</param>
    public LocalTeardownException(LocalTeardownReport report)
        : base(Describe(report))
    {
        Report = report;
    }

    /// <summary>What was ended and what was not.</summary>
    public LocalTeardownReport Report { get; }

    private static string Describe(LocalTeardownReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return $"The local cloud could not end everything it started ({report.Failures.Count} left): {string.Join("; ", report.Failures)}";
    }
}
