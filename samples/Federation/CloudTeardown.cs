using System.Collections.Concurrent;
using System.Globalization;
using CloudConfig.Core;
using CloudConfig.Testing;

namespace Federation;

/// <summary>
/// What the sample provisioned into one cloud, to end before it exits whatever happened: every uuid it provisioned or
/// tried to (a launch that failed may still have started a machine, which the provisioner finds by its name).
/// </summary>
internal sealed class CloudTeardown(ConfigProvisioner provisioner)
{
    private readonly ConcurrentQueue<Guid> _uuids = new();

    /// <summary>Remembers the uuid of one result of <see cref="ConfigProvisioner.ProvisionManyAsync"/>, failed ones included.</summary>
    public void Track(ProvisionResult result)
    {
        if ((result.Instance?.Uuid ?? (result.Error as ProvisioningException)?.Uuid) is { } uuid && uuid != Guid.Empty)
        {
            _uuids.Enqueue(uuid);
        }
    }

    /// <summary>Ends every instance and entry remembered (what is already gone is not an error).</summary>
    public async Task<LocalTeardownReport> RunAsync()
    {
        var results = await provisioner.DeprovisionManyAsync([.. _uuids.Distinct()]);
        return new LocalTeardownReport(
            results.Sum(r => r.Instance?.TerminatedInstanceIds.Count ?? 0),
            results.Count(r => r.Instance?.EntryRemoved == true),
            [.. results.Where(r => !r.Succeeded).Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Uuid}: {r.Error!.Message}"))]);
    }
}
