using System.Globalization;
using System.Text;

namespace CloudConfig.Agent;

/// <summary>
/// Ends a configuration run with everything it started: SIGTERM to every process of its session, a grace period,
/// then SIGKILL. The command leads its own session, so its children belong to it even after their parent died; the
/// recorded start time keeps a later process that reused the pid out of it.
/// </summary>
internal static class RunTermination
{
    /// <summary>The environment variable carrying the run id, which identifies a run started just before a crash.</summary>
    public const string RunIdVariable = "CLOUDCONFIG_RUN_ID";

    private const int MaxEnvironmentBytes = 1024 * 1024;
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>Ends the run; true when nothing of it is left running.</summary>
    /// <remarks>Always on the system clock: it waits for real processes, whatever clock the agent runs on.</remarks>
    public static async Task<bool> EndAsync(RunRecord record, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        foreach (var signal in new[] { PosixProcesses.SigTerm, PosixProcesses.SigKill })
        {
            var members = FindMembers(record);
            if (members.Count == 0)
            {
                return true;
            }

            foreach (var member in members)
            {
                PosixProcesses.Signal(member.Pid, signal);
            }

            var deadline = time.GetTimestamp() + (long)(Grace.TotalSeconds * time.TimestampFrequency);
            while (FindMembers(record).Count > 0)
            {
                if (time.GetTimestamp() >= deadline)
                {
                    break;
                }

                await Task.Delay(PollInterval, time, cancellationToken).ConfigureAwait(false);
            }
        }

        return FindMembers(record).Count == 0;
    }

    /// <summary>The run's processes still running (zombies excluded: they run nothing).</summary>
    public static IReadOnlyList<ProcessStat> FindMembers(RunRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var all = ProcessStat.All().Where(p => p.Pid != Environment.ProcessId && !p.IsGone).ToList();
        if (record is { Pid: { } leader, StartTicks: { } started })
        {
            // While any member lives, the kernel hands the session's id to no one else; a process now holding that
            // pid with another start time means the session is gone and the id was reused.
            if (all.Exists(p => p.Pid == leader && p.StartTicks != started))
            {
                return [];
            }

            return all.FindAll(p => p.Session == leader && p.StartTicks >= started);
        }

        // Recorded before the command had a pid (the agent died right after starting it): its environment tells.
        var marker = Encoding.ASCII.GetBytes($"{RunIdVariable}={record.RunId}\0");
        var buffer = new byte[MaxEnvironmentBytes];
        return all.FindAll(p => EnvironmentContains(p.Pid, marker, buffer));
    }

    private static bool EnvironmentContains(int pid, byte[] marker, byte[] buffer)
    {
        try
        {
            using var stream = new FileStream($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/environ", FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            return buffer.AsSpan(0, length).IndexOf(marker) >= 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
