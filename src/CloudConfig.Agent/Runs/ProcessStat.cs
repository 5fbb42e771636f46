using System.Globalization;

namespace CloudConfig.Agent;

/// <summary>
/// The fields of <c>/proc/&lt;pid&gt;/stat</c> the agent needs to find and end a run: its process group and session,
/// and its start time (clock ticks since boot), which tells a process apart from a later one that reused its pid.
/// </summary>
internal readonly record struct ProcessStat(int Pid, char State, int ProcessGroup, int Session, ulong StartTicks)
{
    /// <summary>A zombie or dead process runs nothing; it only waits for a parent (perhaps an init that never reaps).</summary>
    public bool IsGone => State is 'Z' or 'X' or 'x';

    /// <summary>The process's stat, or null when it does not exist (or /proc is not there).</summary>
    public static ProcessStat? Read(int pid)
    {
        string text;
        try
        {
            text = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return Parse(text);
    }

    /// <summary>Parses a stat line; the command name may hold spaces and parentheses, so fields count from the last ')'.</summary>
    public static ProcessStat? Parse(string text)
    {
        var open = text.IndexOf(" (", StringComparison.Ordinal);
        var close = text.LastIndexOf(')');
        if (open <= 0 || close < open)
        {
            return null;
        }

        // After the name: state(3) ppid(4) pgrp(5) session(6) ... starttime(22); field n is rest[n - 3].
        var rest = text[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (rest.Length < 20 || rest[0].Length != 1
            || !int.TryParse(text.AsSpan(0, open), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
            || !int.TryParse(rest[2], NumberStyles.None, CultureInfo.InvariantCulture, out var group)
            || !int.TryParse(rest[3], NumberStyles.None, CultureInfo.InvariantCulture, out var session)
            || !ulong.TryParse(rest[19], NumberStyles.None, CultureInfo.InvariantCulture, out var start))
        {
            return null;
        }

        return new ProcessStat(pid, rest[0][0], group, session, start);
    }

    /// <summary>Every process visible in /proc.</summary>
    public static IEnumerable<ProcessStat> All()
    {
        IEnumerable<string> directories;
        try
        {
            directories = Directory.EnumerateDirectories("/proc");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (var directory in directories)
        {
            if (int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) && Read(pid) is { } stat)
            {
                yield return stat;
            }
        }
    }
}
