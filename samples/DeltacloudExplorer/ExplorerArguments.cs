using System.CommandLine;

namespace DeltacloudExplorer;

/// <summary>The command line: <c>--url URL [--user u --password p] [--driver d --provider p] [--format xml|json] [--image id] [--name n] [--user-data text] [--no-launch] [--keep]</c>.</summary>
internal sealed record ExplorerArguments(Uri Url, string? User, string? Password)
{
    public string? Driver { get; init; }

    public string? Provider { get; init; }

    public string Format { get; init; } = "xml";

    public string? ImageId { get; init; }

    public string Name { get; init; } = $"explorer-{Guid.NewGuid():N}";

    public string UserData { get; init; } = "#!/bin/sh\necho 'hello from DeltacloudExplorer' > /tmp/hello\n";

    public bool Launch { get; init; } = true;

    /// <summary>Leave the instance running at the end instead of destroying it.</summary>
    public bool Keep { get; init; }

    /// <summary>The root command; its action gets the parsed arguments and the token Ctrl+C cancels.</summary>
    public static RootCommand CreateCommand(Func<ExplorerArguments, CancellationToken, Task<int>> run)
    {
        var url = new Option<string>("--url") { Description = "The Deltacloud API entry point, e.g. http://host:3001/api.", Required = true };
        url.Validators.Add(result =>
        {
            if (ParseUrl(result.GetValue(url)) is null)
            {
                result.AddError("--url must be an absolute http or https URL.");
            }
        });
        var user = new Option<string?>("--user") { Description = "The user name." };
        var password = new Option<string?>("--password") { Description = "The password." };
        var driver = new Option<string?>("--driver") { Description = "The driver to ask for (X-Deltacloud-Driver)." };
        var provider = new Option<string?>("--provider") { Description = "The provider to ask for (X-Deltacloud-Provider)." };
        var format = new Option<string>("--format") { Description = "The wire format.", DefaultValueFactory = _ => "xml" };
        format.AcceptOnlyFromAmong("xml", "json");
        var image = new Option<string?>("--image") { Description = "The image to launch (default: the first listed)." };
        var name = new Option<string?>("--name") { Description = "The new instance's name (default: explorer-<random>)." };
        var userData = new Option<string?>("--user-data") { Description = "The user data to pass (default: a one-line shell script)." };
        var noLaunch = new Option<bool>("--no-launch") { Description = "Only list what the server offers." };
        var keep = new Option<bool>("--keep") { Description = "Leave the instance running at the end (by default it is destroyed before the program exits)." };
        var command = new RootCommand(
            "Lists a Deltacloud server's images, hardware profiles and realms, starts one instance with user data and destroys it again. "
            + "Exit codes: 0 done, 1 failed, 2 usage error, 130 interrupted.")
        {
            url, user, password, driver, provider, format, image, name, userData, noLaunch, keep,
        };
        command.SetAction((parse, cancellationToken) =>
        {
            var defaults = new ExplorerArguments(ParseUrl(parse.GetValue(url))!, null, null);
            return run(
                defaults with
                {
                    User = parse.GetValue(user),
                    Password = parse.GetValue(password),
                    Driver = parse.GetValue(driver),
                    Provider = parse.GetValue(provider),
                    Format = parse.GetValue(format)!,
                    ImageId = parse.GetValue(image),
                    Name = parse.GetValue(name) ?? defaults.Name,
                    UserData = parse.GetValue(userData) ?? defaults.UserData,
                    Launch = !parse.GetValue(noLaunch),
                    Keep = parse.GetValue(keep),
                },
                cancellationToken);
        });
        return command;
    }

    private static Uri? ParseUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : null;
}
