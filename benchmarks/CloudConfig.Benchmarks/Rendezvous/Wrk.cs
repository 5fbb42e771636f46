using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CloudConfig.Benchmarks.Rendezvous;

/// <summary>
/// Drives an HTTP server with <c>wrk</c> from a separate process, so the load generator's work is not charged to the
/// server's process, over a rotating list of requests (one per entry, each with its own credential).
/// </summary>
public sealed partial class Wrk : IDisposable
{
    private const string Executable = "/usr/bin/wrk";
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudconfig-wrk-").FullName;
    private readonly string _script;

    /// <summary>Writes the script that sends GET <c>path</c> with <c>Authorization: value</c>, one pair after another.</summary>
    public Wrk(IReadOnlyList<(string Path, string Authorization)> requests)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install Debian's wrk package.");
        }

        var lua = new StringBuilder("local pairs = {\n");
        foreach (var (path, authorization) in requests)
        {
            lua.Append(CultureInfo.InvariantCulture, $"  {{\"{path}\", \"{authorization}\"}},\n");
        }

        // Formatted once per thread in init, so each request costs wrk a table lookup; each thread starts elsewhere.
        lua.Append("""
            }
            local formatted = {}
            local cursor = 0
            init = function(args)
              for i, p in ipairs(pairs) do
                formatted[i] = wrk.format("GET", p[1], { ["Authorization"] = p[2] })
              end
              cursor = math.random(#formatted) - 1
            end
            request = function()
              cursor = cursor % #formatted + 1
              return formatted[cursor]
            end
            """);
        _script = Path.Combine(_directory, "rotate.lua");
        File.WriteAllText(_script, lua.ToString());
    }

    /// <summary>Runs wrk against <paramref name="baseAddress"/> and returns what it counted.</summary>
    public async Task<WrkResult> RunAsync(Uri baseAddress, int connections, TimeSpan duration)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-t1", $"-c{connections}", $"-d{(int)duration.TotalSeconds}s", "-s", _script, baseAddress.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        using var wrk = Process.Start(start)!;
        var output = wrk.StandardOutput.ReadToEndAsync();
        var errors = wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        var text = await output;
        if (wrk.ExitCode != 0 || RequestsLine().Match(text) is not { Success: true } requests)
        {
            throw new InvalidOperationException($"wrk failed ({wrk.ExitCode}): {text} {await errors}");
        }

        var total = long.Parse(requests.Groups[1].Value, CultureInfo.InvariantCulture);
        var seconds = double.Parse(requests.Groups[2].Value, CultureInfo.InvariantCulture);
        var failed = NonSuccessLine().Match(text) is { Success: true } bad ? long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new WrkResult(total, seconds, failed);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [GeneratedRegex(@"(\d+) requests in ([\d.]+)s")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessLine();
}
