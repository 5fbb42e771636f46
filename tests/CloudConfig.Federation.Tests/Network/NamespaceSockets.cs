using System.Net.Sockets;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// Opens sockets inside another network namespace from this process: a socket belongs to the namespace of the thread
/// that created it, so a short-lived thread enters the namespace (<c>setns</c>), creates the socket and ends. The
/// socket keeps working from any thread; nothing else of this process moves.
/// </summary>
internal static partial class NamespaceSockets
{
    private const int NewNetworkNamespace = 0x40000000; // CLONE_NEWNET

    /// <summary>A TCP socket created inside the namespace whose handle is at <paramref name="namespacePath"/> (such as <c>/var/run/netns/x</c>).</summary>
    public static Socket Create(string namespacePath, AddressFamily family)
    {
        Socket? socket = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var own = File.OpenHandle("/proc/thread-self/ns/net");
                using var target = File.OpenHandle(namespacePath);
                Enter(target, namespacePath);
                try
                {
                    socket = new Socket(family, SocketType.Stream, ProtocolType.Tcp);
                }
                finally
                {
                    // The thread ends next anyway; going back keeps it from ever running anything else in there.
                    Enter(own, "this process's namespace");
                }
            }
#pragma warning disable CA1031 // Handed to the caller's thread below.
            catch (Exception e)
#pragma warning restore CA1031
            {
                failure = e;
            }
        })
        {
            IsBackground = true,
            Name = "netns socket",
        };
        thread.Start();
        thread.Join();
        return socket ?? throw new InvalidOperationException($"Could not open a socket in the network namespace {namespacePath}.", failure);
    }

    private static void Enter(SafeFileHandle handle, string what)
    {
        if (SetNamespace((int)handle.DangerousGetHandle(), NewNetworkNamespace) != 0)
        {
            throw new InvalidOperationException($"setns into {what} failed with errno {Marshal.GetLastPInvokeError()} (it needs root).");
        }
    }

    [LibraryImport("libc", EntryPoint = "setns", SetLastError = true)]
    private static partial int SetNamespace(int fd, int namespaceType);
}
