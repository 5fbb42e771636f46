using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CloudConfig.Testing.Redis;

/// <summary>
/// A <c>redis-server</c> child process on a free loopback port with its own temporary directory, for tests and
/// benchmarks. It can be killed and restarted on the same port and directory (to test outages and durability),
/// and it is killed and its directory deleted on dispose.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    /// <summary>The Debian package that provides <c>redis-server</c>.</summary>
    public const string PackageName = "redis-server";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private readonly bool _appendOnly;
    private Process? _process;

    private RedisServer(int port, string directory, bool appendOnly)
    {
        Port = port;
        Directory = directory;
        _appendOnly = appendOnly;
    }

    /// <summary>The loopback port the server listens on; the same across restarts.</summary>
    public int Port { get; }

    /// <summary>The server's working directory (append-only file, dumps).</summary>
    public string Directory { get; }

    /// <summary>A StackExchange.Redis connection string for this server.</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>Whether the process is running.</summary>
    public bool IsRunning => _process is { HasExited: false };

    /// <summary>
    /// Starts a server. With <paramref name="appendOnly"/> every write is fsynced to an append-only file before it
    /// is acknowledged (<c>--appendonly yes --appendfsync always</c>), so a restart loses nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException"><c>redis-server</c> is not installed (the message names the package).</exception>
    public static async Task<RedisServer> StartAsync(bool appendOnly = false, CancellationToken cancellationToken = default)
    {
        var directory = Path.Combine(Path.GetTempPath(), "cloudconfig-redis-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        var server = new RedisServer(FreeLoopbackPort(), directory, appendOnly);
        try
        {
            await server.RestartAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts the server again (after <see cref="Kill"/>) on the same port and directory, and waits until it answers PING.</summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        if (IsRunning)
        {
            throw new InvalidOperationException("The server is already running.");
        }

        var executable = RequireExecutable(Environment.GetEnvironmentVariable("PATH") ?? "");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Directory,
        };
        foreach (var argument in Arguments())
        {
            start.ArgumentList.Add(argument);
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var started = Stopwatch.GetTimestamp();
        while (!await PingAsync(cancellationToken).ConfigureAwait(false))
        {
            if (process.HasExited || Stopwatch.GetElapsedTime(started) > StartTimeout)
            {
                Kill();
                string log;
                lock (output)
                {
                    log = output.ToString();
                }

                throw new InvalidOperationException($"redis-server did not start on port {Port}. Its output:\n{log}");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crash would; nothing is flushed beyond what was already fsynced.</summary>
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

    /// <summary>Whether the server answers PING now.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var client = new TcpClient(AddressFamily.InterNetwork);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token).ConfigureAwait(false);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token).ConfigureAwait(false);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token).ConfigureAwait(false);
            // "-LOADING" while it reads its append-only file: not ready yet.
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Kills the server and deletes its directory.</summary>
    public ValueTask DisposeAsync()
    {
        Kill();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }

        return ValueTask.CompletedTask;
    }

    private IEnumerable<string> Arguments()
    {
        string[] common =
        [
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--dir", Directory,
            "--save", "",
            "--daemonize", "no",
            "--protected-mode", "yes",
            "--logfile", "",
        ];
        return _appendOnly
            ? [.. common, "--appendonly", "yes", "--appendfsync", "always"]
            : [.. common, "--appendonly", "no"];
    }

    /// <summary>The full path of <c>redis-server</c> in one of the folders of <paramref name="searchPath"/> (a PATH value).</summary>
    /// <exception cref="InvalidOperationException">It is not there; the message names the package to install.</exception>
    public static string RequireExecutable(string searchPath) =>
        FindExecutable(searchPath) ?? throw new InvalidOperationException(
            $"redis-server was not found on PATH. The Redis tests need a real server: install the Debian package '{PackageName}' (apt-get install -y {PackageName}).");

    private static string? FindExecutable(string searchPath)
    {
        foreach (var folder in searchPath.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(folder, "redis-server");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static int FreeLoopbackPort()
    {
        // Port 0 lets the OS pick; redis-server cannot be told to, so the port is picked here and released.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
