namespace DeltacloudExplorer;

/// <summary>The command line: <c>--url --user --password [--driver --provider --format xml|json --image --name --user-data --no-launch]</c>.</summary>
internal sealed record ExplorerArguments(Uri Url, string? User, string? Password)
{
    public string? Driver { get; init; }

    public string? Provider { get; init; }

    public string Format { get; init; } = "xml";

    public string? ImageId { get; init; }

    public string Name { get; init; } = $"explorer-{Guid.NewGuid():N}";

    public string UserData { get; init; } = "#!/bin/sh\necho 'hello from DeltacloudExplorer' > /tmp/hello\n";

    public bool Launch { get; init; } = true;

    public static ExplorerArguments? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--no-launch")
            {
                flags.Add(args[i]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
        }

        if (!values.TryGetValue("--url", out var url) || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return null;
        }

        return new ExplorerArguments(uri, values.GetValueOrDefault("--user"), values.GetValueOrDefault("--password"))
        {
            Driver = values.GetValueOrDefault("--driver"),
            Provider = values.GetValueOrDefault("--provider"),
            Format = values.GetValueOrDefault("--format") ?? "xml",
            ImageId = values.GetValueOrDefault("--image"),
            Name = values.GetValueOrDefault("--name") ?? $"explorer-{Guid.NewGuid():N}",
            UserData = values.GetValueOrDefault("--user-data") ?? "#!/bin/sh\necho 'hello from DeltacloudExplorer' > /tmp/hello\n",
            Launch = !flags.Contains("--no-launch"),
        };
    }
}
