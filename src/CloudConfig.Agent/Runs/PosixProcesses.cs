using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CloudConfig.Agent;

/// <summary>
/// The two system calls .NET has no API for: signalling a process that is not a child (or a whole group), and an
/// advisory lock on a file. Plain blittable P/Invokes, so they stay NativeAOT- and trim-safe.
/// </summary>
internal static partial class PosixProcesses
{
    public const int SigTerm = 15;
    public const int SigKill = 9;

    private const int LockExclusive = 2;
    private const int LockNonBlocking = 4;

    /// <summary>Sends <paramref name="signal"/>; false when the process no longer exists (or may not be signalled).</summary>
    public static bool Signal(int pid, int signal) => pid > 0 && NativeMethods.kill(pid, signal) == 0;

    /// <summary>Takes an exclusive lock on the open file without waiting; false when another open file holds it.</summary>
    public static bool TryLockExclusive(SafeFileHandle file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var added = false;
        file.DangerousAddRef(ref added);
        try
        {
            return NativeMethods.flock((int)file.DangerousGetHandle(), LockExclusive | LockNonBlocking) == 0;
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    private static class NativeMethods
    {
#pragma warning disable SYSLIB1054 // Blittable arguments only: no marshalling code is generated either way.
        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int kill(int pid, int sig);

        [DllImport("libc", SetLastError = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        internal static extern int flock(int fd, int operation);
#pragma warning restore SYSLIB1054
    }
}
