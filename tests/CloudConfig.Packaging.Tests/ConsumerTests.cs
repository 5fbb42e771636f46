using System.Text.Json;
using System.Text.RegularExpressions;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Packaging.Tests;

/// <summary>
/// A new user's path, from packages only: a console app outside the repository, the packages from the folder feed (the
/// machine's default source stays available for third-party packages), and the program the root README's Install
/// section shows, run for real on the embedded cloud.
/// </summary>
[Collection(PackedFeed.Collection)]
public sealed partial class ConsumerTests
{
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(3);

    private readonly PackedFeed _feed;

    public ConsumerTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public async Task ReadmeInstallProgram_FromTheFolderFeed_ProvisionsThreeReportsUpdatesAndEndsThem()
    {
        var program = MarkdownSnippets.Read(Path.Combine(RepositoryCopy.Root, "README.md")).Single(s => s.Name == "consumer-program");
        Assert.InRange(program.Code.TrimEnd('\n').Split('\n').Length, 10, 25);
        var consumer = Path.Combine(_feed.WorkFolder, "consumer");
        Assert.False(consumer.StartsWith(RepositoryCopy.Root, StringComparison.Ordinal));

        await PackedFeed.DotnetCommandAsync(_feed.WorkFolder, "new", "console", "-o", consumer);
        // The feed is added to the sources the machine has; nothing is cleared, so third-party packages still come from its default.
        File.WriteAllText(Path.Combine(consumer, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="cloudconfig-test-feed" value="{_feed.Feed}" />
              </packageSources>
            </configuration>
            """);
        await PackedFeed.DotnetCommandAsync(consumer, "add", "package", "CloudConfig.Testing", "--version", _feed.Version);
        File.WriteAllText(Path.Combine(consumer, "Program.cs"), program.Code);
        await PackedFeed.DotnetAsync(consumer, "build", "-c", "Release");
        var run = await ChildProcess.RunAsync(DotnetHost.Executable, [Path.Combine(consumer, "bin/Release/net10.0/consumer.dll")], DotnetHost.ChildEnvironment(), consumer, RunDeadline);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}:\n{run.All}");
        var lines = run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var reports = lines.Select(l => Report().Match(l)).Where(m => m.Success).ToList();
        Assert.Equal(["cache", "db", "web"], reports.Select(m => m.Groups["role"].Value).Order());
        Assert.Equal(3, reports.Select(m => m.Groups["instance"].Value).Distinct().Count());
        var web = reports.Single(m => m.Groups["role"].Value == "web").Groups["instance"].Value;
        Assert.Contains($"{web} applied generation 2: tls=true", lines);
        Assert.Equal("ended 3 instances and 3 entries", lines[^1]);
        Assert.Equal("", run.Error);
        AssertEveryCloudConfigPackageCameFromTheFeed(consumer);
    }

    private void AssertEveryCloudConfigPackageCameFromTheFeed(string consumer)
    {
        using var assets = JsonDocument.Parse(File.ReadAllText(Path.Combine(consumer, "obj/project.assets.json")));
        var packageFolder = assets.RootElement.GetProperty("packageFolders").EnumerateObject().First().Name;
        var ours = assets.RootElement.GetProperty("libraries").EnumerateObject()
            .Where(library => library.Name.StartsWith("CloudConfig.", StringComparison.Ordinal))
            .ToList();

        Assert.Contains(ours, library => library.Name == $"CloudConfig.Testing/{_feed.Version}");
        Assert.Contains(ours, library => library.Name == $"CloudConfig.Agent/{_feed.Version}");
        Assert.All(ours, library =>
        {
            Assert.Equal("package", library.Value.GetProperty("type").GetString());
            Assert.EndsWith($"/{_feed.Version}", library.Name, StringComparison.Ordinal);
            // NuGet records where it got each package from.
            var metadata = Path.Combine(packageFolder, library.Value.GetProperty("path").GetString()!, ".nupkg.metadata");
            using var source = JsonDocument.Parse(File.ReadAllText(metadata));
            Assert.Equal(Path.TrimEndingDirectorySeparator(_feed.Feed), Path.TrimEndingDirectorySeparator(source.RootElement.GetProperty("source").GetString()!));
        });
    }

    [GeneratedRegex(@"^(?<instance>\S+) at 10\.1\.\d+\.\d+: Configured, role=(?<role>\w+)$")]
    private static partial Regex Report();
}
