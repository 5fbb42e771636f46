using System.Globalization;
using System.Text;

namespace CloudConfig.Agent;

/// <summary>
/// Hides secrets the process was started with from every other process's view of it. <c>/proc/&lt;pid&gt;/environ</c>
/// and <c>/proc/&lt;pid&gt;/cmdline</c> show the memory the kernel laid out at exec, which
/// <see cref="Environment.SetEnvironmentVariable(string, string?)"/> never touches (it only changes .NET's own copy);
/// these methods overwrite those bytes in place through <c>/proc/self/mem</c>, as <c>mysql -p</c> masks its password.
/// </summary>
/// <remarks>
/// Linux only; elsewhere, or where /proc/self/mem cannot be written, they return <see langword="false"/> and change
/// nothing but .NET's copy. The secret was visible from the exec until the call: sources that never expose it (user
/// data, the metadata service, a file) are better than the command line or the environment.
/// </remarks>
public static class ProcessSecretScrubber
{
    // Fields 48 to 51 of /proc/self/stat: arg_start, arg_end, env_start, env_end (field n is at n - 3 after the name).
    private const int ArgStartIndex = 45;

    // Each rewrite reads, edits and writes back a whole region: two at once could undo each other.
    private static readonly Lock RewriteLock = new();

    /// <summary>Removes the variable from this process's environment, and blanks its entry in /proc/self/environ.</summary>
    /// <returns>Whether an entry was blanked in /proc/self/environ.</returns>
    public static bool HideEnvironmentVariable(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Environment.SetEnvironmentVariable(name, null);
        var prefix = Encoding.UTF8.GetBytes(name + "=");
        return Rewrite(environment: true, region =>
        {
            var changed = false;
            var start = 0;
            while (start < region.Length)
            {
                var end = region[start..].IndexOf((byte)0);
                end = end < 0 ? region.Length : start + end;
                if (region[start..end].StartsWith(prefix))
                {
                    region[start..end].Clear();
                    changed = true;
                }

                start = end + 1;
            }

            return changed;
        });
    }

    /// <summary>Overwrites every occurrence of <paramref name="value"/> in /proc/self/cmdline with 'x'.</summary>
    /// <returns>Whether an occurrence was overwritten.</returns>
    public static bool HideArgument(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var needle = Encoding.UTF8.GetBytes(value);
        return Rewrite(environment: false, region =>
        {
            var changed = false;
            var from = 0;
            int found;
            while ((found = region[from..].IndexOf(needle)) >= 0)
            {
                region.Slice(from + found, needle.Length).Fill((byte)'x');
                from += found + needle.Length;
                changed = true;
            }

            return changed;
        });
    }

    private delegate bool RegionEdit(Span<byte> region);

    private static bool Rewrite(bool environment, RegionEdit edit)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        lock (RewriteLock)
        {
            return RewriteLocked(environment, edit);
        }
    }

    private static bool RewriteLocked(bool environment, RegionEdit edit)
    {
        try
        {
            var stat = File.ReadAllText("/proc/self/stat");
            var fields = stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var first = ArgStartIndex + (environment ? 2 : 0);
            if (fields.Length <= first + 1
                || !long.TryParse(fields[first], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
                || !long.TryParse(fields[first + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var end)
                || end <= start || end - start > 16 * 1024 * 1024)
            {
                return false;
            }

            using var memory = File.OpenHandle("/proc/self/mem", FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            var region = new byte[end - start];
            if (RandomAccess.Read(memory, region, start) != region.Length || !edit(region))
            {
                return false;
            }

            RandomAccess.Write(memory, region, start);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }
}
