using System.CommandLine;
using CloudConfig.Samples.Shared;

namespace QuickStart;

/// <summary>
/// The command line: <c>[--count N] [--timeout SECONDS] [--deltacloud-url URL --user U --password P [--image ID --hwp ID --realm ID]]</c>.
/// </summary>
internal sealed record QuickStartArguments
{
    public int? Count { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);

    public Uri? DeltacloudUrl { get; init; }

    public string? User { get; init; }

    public string? Password { get; init; }

    public SampleLaunch Launch { get; init; } = new();

    /// <summary>The root command; its action gets the parsed arguments and the token Ctrl+C cancels.</summary>
    public static RootCommand CreateCommand(Func<QuickStartArguments, CancellationToken, Task<int>> run)
    {
        var count = SampleCommandLine.WholeNumber("--count", "Provision N instances at once, with a progress display and a summary.", 1, 10_000);
        var timeout = SampleCommandLine.WholeNumber("--timeout", "How long an instance may take to configure, in seconds (default 30).", 1, 86_400, "SECONDS");
        var url = new Option<string?>("--deltacloud-url") { HelpName = "URL", Description = "Use a real Deltacloud server (its API entry point, e.g. http://host:3001/api); agents run in this process, since the mock driver boots nothing." };
        url.Validators.Add(result =>
        {
            if (result.GetValue(url) is { } text && ParseUrl(text) is null)
            {
                result.AddError("--deltacloud-url must be an absolute http or https URL.");
            }
        });
        var user = new Option<string?>("--user") { HelpName = "U", Description = "The Deltacloud user name." };
        var password = new Option<string?>("--password") { HelpName = "P", Description = "The Deltacloud password." };
        var image = new Option<string>("--image") { HelpName = "ID", Description = "The image to start.", DefaultValueFactory = _ => "img1" };
        var profile = new Option<string>("--hwp") { HelpName = "ID", Description = "The hardware profile.", DefaultValueFactory = _ => "m1-small" };
        var realm = new Option<string?>("--realm") { HelpName = "ID", Description = "The realm (default: the cloud's)." };

        var command = new RootCommand(
            "CloudConfig's main job on this machine: a rendezvous server, a cloud and real agents; three instances "
            + "(web, db, cache) configured, then one updated, then everything it started ended. "
            + "Exit codes: 0 done, 1 failed, 2 usage error, 130 interrupted.")
        {
            count, timeout, url, user, password, image, profile, realm,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(url) is null && (result.GetValue(user) is not null || result.GetValue(password) is not null))
            {
                result.AddError("--user and --password go with --deltacloud-url.");
            }
        });
        command.SetAction((parse, cancellationToken) => run(
            new QuickStartArguments
            {
                Count = parse.GetValue(count),
                Timeout = TimeSpan.FromSeconds(parse.GetValue(timeout) ?? 30),
                DeltacloudUrl = parse.GetValue(url) is { } text ? ParseUrl(text) : null,
                User = parse.GetValue(user),
                Password = parse.GetValue(password),
                Launch = new SampleLaunch(parse.GetValue(image)!, parse.GetValue(profile), parse.GetValue(realm)),
            },
            cancellationToken));
        return command;
    }

    private static Uri? ParseUrl(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
}
