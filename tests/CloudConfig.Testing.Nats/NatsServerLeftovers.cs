using System.Diagnostics;
using System.Globalization;

namespace CloudConfig.Testing.Nats;

/// <summary>What a test process that crashed left behind: its nats-servers and their directories.</summary>
internal static class NatsServerLeftovers
{
    /// <summary>Kills servers whose test process died without disposing them, and deletes their directories.</summary>
    public static void Kill(string directoryPrefix)
    {
        foreach (var directory in System.IO.Directory.EnumerateDirectories(Path.GetTempPath(), directoryPrefix + "*"))
        {
            // A directory this young may belong to a start in progress that has not written its owner yet.
            if (System.IO.Directory.GetCreationTimeUtc(directory) > DateTime.UtcNow - TimeSpan.FromMinutes(1))
            {
                continue;
            }

            if (ReadPid(Path.Combine(directory, "owner")) is { } owner && IsAlive(owner))
            {
                continue;
            }

            if (ReadPid(Path.Combine(directory, "nats-server.pid")) is { } pid && IsNatsServer(pid))
            {
                try
                {
                    using var leftover = Process.GetProcessById(pid);
                    leftover.Kill();
                    leftover.WaitForExit();
                }
                catch (Exception e) when (e is ArgumentException or InvalidOperationException)
                {
                    // Gone meanwhile.
                }
            }

            DeleteDirectory(directory);
        }
    }

    private static int? ReadPid(string file)
    {
        try
        {
            return int.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static bool IsAlive(int pid) => System.IO.Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");

    private static bool IsNatsServer(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/cmdline").Contains("nats-server", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }

    public static void DeleteDirectory(string directory)
    {
        try
        {
            System.IO.Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
