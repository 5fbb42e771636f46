using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CloudConfig.Cache.Redis.Tests.RendezvousOnRedis;

/// <summary>
/// A raw <c>MONITOR</c> connection: every command the Redis server runs, including those a Lua script issues, as
/// Redis prints them. Used to compare the work two requests cause, command by command, without timing anything.
/// </summary>
internal sealed partial class RedisMonitor : IAsyncDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);
    private readonly TcpClient _tcp;
    private readonly StreamReader _reader;

    private RedisMonitor(TcpClient tcp, StreamReader reader)
    {
        _tcp = tcp;
        _reader = reader;
    }

    public static async Task<RedisMonitor> StartAsync(int port)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", port);
        var stream = tcp.GetStream();
        await stream.WriteAsync("MONITOR\r\n"u8.ToArray());
        var reader = new StreamReader(stream, Encoding.UTF8);
        var ok = await reader.ReadLineAsync();
        Assert.Equal("+OK", ok);
        return new RedisMonitor(tcp, reader);
    }

    /// <summary>
    /// Reads until a command carrying <paramref name="marker"/> shows up, and returns the name of every command
    /// before it that mentions <paramref name="mustContain"/> (with a script's SHA, so two scripts differ).
    /// </summary>
    public async Task<List<string>> ReadUntilAsync(string marker, string mustContain)
    {
        using var timeout = new CancellationTokenSource(Deadline);
        var commands = new List<string>();
        while (await _reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.Contains(marker, StringComparison.Ordinal))
            {
                return commands;
            }

            if (line.Contains(mustContain, StringComparison.Ordinal) && CommandPattern().Match(line) is { Success: true } match)
            {
                var name = match.Groups["name"].Value.ToUpperInvariant();
                commands.Add(name is "EVALSHA" or "EVAL" ? $"{name} {match.Groups["first"].Value}" : name);
            }
        }

        throw new InvalidOperationException("The MONITOR connection closed.");
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _tcp.Dispose();
        return ValueTask.CompletedTask;
    }

    // 1700000000.123456 [0 127.0.0.1:5000] "EVALSHA" "sha" "3" ...   or   [0 lua] "HMGET" "key" ...
    [GeneratedRegex("""\] "(?<name>[^"]+)"(?: "(?<first>[^"]*)")?""")]
    private static partial Regex CommandPattern();
}
