using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Testing.Nats;

/// <summary>
/// A <c>nats-server</c> child process on free loopback ports with its own temporary directory (configuration, JetStream
/// store, pid file), for tests, samples and benchmarks. It can be killed and restarted on the same ports and store
/// (to test outages and durability); it is killed and its directory deleted on dispose. A server left behind by a
/// test process that crashed is killed by the next <see cref="StartAsync(string, Func{NatsServerPorts, string}, CancellationToken)"/>.
/// </summary>
public sealed class NatsServer : IAsyncDisposable
{
    /// <summary>The Debian package that provides <c>nats-server</c>.</summary>
    public const string PackageName = "nats-server";

    internal const string DirectoryPrefix = "cloudconfig-nats-";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly StringBuilder _output = new();
    private Process? _process;

    private NatsServer(string name, NatsServerPorts ports, string directory, string? networkNamespace)
    {
        Name = name;
        Ports = ports;
        Directory = directory;
        NetworkNamespace = networkNamespace;
    }

    /// <summary>The name given at start, for messages.</summary>
    public string Name { get; }

    /// <summary>The ports and store directory; the same across restarts.</summary>
    public NatsServerPorts Ports { get; }

    /// <summary>The network namespace the server runs in (its "loopback" ports are that namespace's), or null for this one.</summary>
    public string? NetworkNamespace { get; }

    /// <summary>The server's temporary directory.</summary>
    public string Directory { get; }

    /// <summary>The client URL (no credentials).</summary>
    public string Url => $"nats://127.0.0.1:{Ports.Client.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Whether the process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Everything the server printed so far (its log), for failure messages.</summary>
    public string Log
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts a single JetStream server with no authentication (the default account), for one-site tests.</summary>
    /// <param name="maxPayload">The server's <c>max_payload</c>; null keeps the server's default (1 MB).</param>
    public static Task<NatsServer> StartAsync(string? maxPayload = "8MB", CancellationToken cancellationToken = default) =>
        StartAsync("nats", ports => $$"""
            server_name: "standalone"
            listen: "127.0.0.1:{{ports.Client}}"
            {{(maxPayload is null ? "" : $"max_payload: {maxPayload}")}}
            jetstream { store_dir: "{{ports.StoreDirectory}}" }
            """, cancellationToken);

    /// <summary>
    /// Starts a server with the configuration <paramref name="configuration"/> writes for the ports picked, and
    /// waits until it reports ready.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>nats-server</c> is not installed (the message names the package), or it did not start.</exception>
    public static Task<NatsServer> StartAsync(string name, Func<NatsServerPorts, string> configuration, CancellationToken cancellationToken = default) =>
        StartAsync(name, configuration, networkNamespace: null, cancellationToken);

    /// <summary>
    /// Starts a server as <see cref="StartAsync(string, Func{NatsServerPorts, string}, CancellationToken)"/> does, inside
    /// the network namespace <paramref name="networkNamespace"/> (with <c>ip netns exec</c>; needs root), where the
    /// ports picked are free too: a fresh namespace has nothing listening.
    /// </summary>
    public static async Task<NatsServer> StartAsync(string name, Func<NatsServerPorts, string> configuration, string? networkNamespace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        NatsServerLeftovers.Kill(DirectoryPrefix);
        var directory = Path.Combine(Path.GetTempPath(), DirectoryPrefix + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "owner"), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), cancellationToken).ConfigureAwait(false);
        // Should this process end without disposing the server (a cancelled run, a killed test host), the server goes with it.
        var quoted = OwnerReaper.Quote(directory);
        OwnerReaper.Start($"""
            pid=$(cat {quoted}/nats-server.pid 2>/dev/null) && grep -q nats-server /proc/$pid/cmdline 2>/dev/null && kill -9 $pid
            rm -rf {quoted}
            """);
        var ports = new NatsServerPorts(FreeLoopbackPort(), FreeLoopbackPort(), FreeLoopbackPort(), Path.Combine(directory, "store"));
        var server = new NatsServer(name, ports, directory, networkNamespace);
        try
        {
            var text = configuration(ports) + $"\npid_file: \"{Path.Combine(directory, "nats-server.pid")}\"\n";
            await File.WriteAllTextAsync(server.ConfigurationFile, text, cancellationToken).ConfigureAwait(false);
            await server.RestartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>The configuration file the server runs with.</summary>
    public string ConfigurationFile => Path.Combine(Directory, "nats-server.conf");

    /// <summary>Starts the server again (after <see cref="Kill"/>) on the same ports and store, and waits until it is ready.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"The {Name} server is already running.");
        }

        var executable = RequireExecutable(Environment.GetEnvironmentVariable("PATH") ?? "");
        // ip netns exec runs the server in place of itself: the process is the server's, to kill and wait for.
        var start = new ProcessStartInfo(NetworkNamespace is null ? executable : "ip")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        if (NetworkNamespace is not null)
        {
            foreach (var argument in (string[])["netns", "exec", NetworkNamespace, executable])
            {
                start.ArgumentList.Add(argument);
            }
        }

        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(ConfigurationFile);
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Append(e.Data, ready);
        process.ErrorDataReceived += (_, e) => Append(e.Data, ready);
        process.Exited += (_, _) => ready.TrySetException(new InvalidOperationException($"nats-server ({Name}) exited at start. Its output:\n{Log}"));
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        try
        {
            await ready.Task.WaitAsync(StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            Kill();
            throw new InvalidOperationException($"nats-server ({Name}) did not report ready within {StartTimeout}. Its output:\n{Log}", e);
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash would.</summary>
    public void Kill()
    {
        var process = _process;
        _process = null;
        if (process is null)
        {
            return;
        }

        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.WaitForExit();
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>Kills the server and deletes its directory.</summary>
    public ValueTask DisposeAsync()
    {
        Kill();
        NatsServerLeftovers.DeleteDirectory(Directory);
        return ValueTask.CompletedTask;
    }

    /// <summary>The full path of <c>nats-server</c> in one of the folders of <paramref name="searchPath"/> (a PATH value) or in /usr/sbin.</summary>
    /// <exception cref="InvalidOperationException">It is not there; the message names the package to install.</exception>
    public static string RequireExecutable(string searchPath)
    {
        ArgumentNullException.ThrowIfNull(searchPath);
        // Debian installs it in /usr/sbin, which a non-root PATH often lacks.
        foreach (var folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).Append("/usr/sbin"))
        {
            var candidate = Path.Combine(folder, "nats-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            $"nats-server was not found on PATH. The NATS tests need a real server: install the Debian package '{PackageName}' (apt-get install -y {PackageName}).");
    }

    /// <summary>A loopback port nobody listens on now (picked by the OS, then released for the server to take).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line, TaskCompletionSource ready)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }

        if (line.Contains("Server is ready", StringComparison.Ordinal))
        {
            ready.TrySetResult();
        }
    }
}
