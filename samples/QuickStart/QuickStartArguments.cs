using System.Globalization;
using CloudConfig.Samples.Shared;

namespace QuickStart;

/// <summary>
/// The command line: <c>[--count N] [--timeout SECONDS] [--deltacloud-url URL --user U --password P [--image ID --hwp ID --realm ID]]</c>.
/// </summary>
internal sealed record QuickStartArguments
{
    public const string Usage = """
        Usage: dotnet run --project samples/QuickStart -- [options]

          (no options)         three instances (web, db, cache) on an embedded cloud, then an update to one
          --count N            N instances at once, with a progress display and a summary
          --timeout SECONDS    how long an instance may take to configure (default 30)
          --deltacloud-url URL use a real Deltacloud server (its API entry point, e.g. http://host:3001/api);
                               agents run in this process, since the mock driver boots nothing
          --user U --password P  its credentials
          --image ID --hwp ID --realm ID  what to start (default img1, m1-small, the cloud's default realm)
        """;

    public int? Count { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public Uri? DeltacloudUrl { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    public SampleLaunch Launch { get; init; } = new();

    public bool ShowHelp { get; init; }

    /// <summary>Parses the arguments; every problem is listed in <paramref name="errors"/>.</summary>
    public static QuickStartArguments Parse(string[] args, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var help = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "-h" or "--help":
                    help = true;
                    break;
                case "--count" or "--timeout" or "--deltacloud-url" or "--user" or "--password" or "--image" or "--hwp" or "--realm" when i + 1 < args.Length:
                    values[args[i]] = args[++i];
                    break;
                default:
                    problems.Add($"Unknown or incomplete option '{args[i]}'.");
                    break;
            }
        }

        int? count = null;
        if (values.TryGetValue("--count", out var countText))
        {
            if (int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10_000)
            {
                count = n;
            }
            else
            {
                problems.Add("--count must be a whole number from 1 to 10000.");
            }
        }

        var timeout = TimeSpan.FromSeconds(30);
        if (values.TryGetValue("--timeout", out var timeoutText))
        {
            if (int.TryParse(timeoutText, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds >= 1)
            {
                timeout = TimeSpan.FromSeconds(seconds);
            }
            else
            {
                problems.Add("--timeout must be a whole number of seconds, at least 1.");
            }
        }

        Uri? url = null;
        if (values.TryGetValue("--deltacloud-url", out var urlText)
            && (!Uri.TryCreate(urlText, UriKind.Absolute, out url) || url.Scheme is not ("http" or "https")))
        {
            problems.Add("--deltacloud-url must be an absolute http or https URL.");
        }

        if (url is null && (values.ContainsKey("--user") || values.ContainsKey("--password")))
        {
            problems.Add("--user and --password go with --deltacloud-url.");
        }

        errors = problems;
        return new QuickStartArguments
        {
            Count = count,
            Timeout = timeout,
            DeltacloudUrl = url,
            User = values.GetValueOrDefault("--user"),
            Password = values.GetValueOrDefault("--password"),
            Launch = new SampleLaunch(values.GetValueOrDefault("--image") ?? "img1", values.GetValueOrDefault("--hwp") ?? "m1-small", values.GetValueOrDefault("--realm")),
            ShowHelp = help,
        };
    }
}
