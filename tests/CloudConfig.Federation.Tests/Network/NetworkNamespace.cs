using System.Net;
using System.Net.Sockets;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// One network namespace made for a test (<c>ip netns add</c>): its commands run with <c>ip -n</c> and
/// <c>ip netns exec</c>, its sockets are opened from this process (<see cref="NamespaceSockets"/>). Deleting it kills
/// whatever still runs inside and takes its interfaces and firewall rules with it.
/// </summary>
internal sealed class NetworkNamespace
{
    private static readonly TimeSpan CommandDeadline = TimeSpan.FromSeconds(30);

    private NetworkNamespace(string name) => Name = name;

    public string Name { get; }

    /// <summary>Where <c>ip netns</c> keeps the namespace's handle.</summary>
    public string HandlePath => $"/var/run/netns/{Name}";

    /// <summary>Adds the namespace and brings its loopback up.</summary>
    public static async Task<NetworkNamespace> CreateAsync(string name)
    {
        await RunAsync("ip", "netns", "add", name);
        var created = new NetworkNamespace(name);
        await created.IpAsync("link", "set", "lo", "up");
        return created;
    }

    /// <summary><c>ip -n &lt;name&gt; ...</c>; fails with the command's output unless it exits 0.</summary>
    public Task<string> IpAsync(params string[] arguments) => RunAsync("ip", ["-n", Name, .. arguments]);

    /// <summary>Runs a command inside the namespace; fails with its output unless it exits 0.</summary>
    public Task<string> ExecAsync(params string[] command) => RunAsync("ip", ["netns", "exec", Name, .. command]);

    /// <summary>Runs a command inside the namespace and returns how it ended, whatever that was.</summary>
    public Task<ProcessRun> TryExecAsync(params string[] command) =>
        ChildProcess.RunAsync("ip", ["netns", "exec", Name, .. command], new Dictionary<string, string?>(), Path.GetTempPath(), CommandDeadline);

    /// <summary>Opens a TCP connection from inside the namespace.</summary>
    public async Task<Socket> ConnectAsync(IPEndPoint endpoint, CancellationToken cancellationToken)
    {
        var socket = NamespaceSockets.Create(HandlePath, endpoint.AddressFamily);
        try
        {
            await socket.ConnectAsync(endpoint, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Kills what runs inside (processes started there and not ended by their owner), then deletes the namespace.</summary>
    public static async Task DeleteAsync(string name)
    {
        var pids = await ChildProcess.RunAsync("ip", ["netns", "pids", name], new Dictionary<string, string?>(), Path.GetTempPath(), CommandDeadline);
        foreach (var pid in pids.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await ChildProcess.RunAsync("kill", ["-9", pid], new Dictionary<string, string?>(), Path.GetTempPath(), CommandDeadline);
        }

        await ChildProcess.RunAsync("ip", ["netns", "del", name], new Dictionary<string, string?>(), Path.GetTempPath(), CommandDeadline);
    }

    /// <summary>The names of every namespace on this machine.</summary>
    public static async Task<IReadOnlyList<string>> ListAsync()
    {
        var list = await RunAsync("ip", "netns", "list");
        return [.. list.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(' ')[0])];
    }

    public override string ToString() => Name;

    private static async Task<string> RunAsync(string fileName, params string[] arguments)
    {
        var run = await ChildProcess.RunAsync(fileName, arguments, new Dictionary<string, string?>(), Path.GetTempPath(), CommandDeadline);
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{fileName} {string.Join(' ', arguments)}' exited {run.ExitCode}: {run.All}");
        }

        return run.Out;
    }
}
