using System.Text.RegularExpressions;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Docs.Tests;

/// <summary>Each package says what it is, how to install it, how to start, its options and its errors; the root lists them all.</summary>
public sealed partial class ReadmeTests
{
    public static TheoryData<string> PackageIds() => [.. RepositoryPackages.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void PackageReadme_InstallQuickStartOptionsErrors(string id)
    {
        var package = RepositoryPackages.All.Single(p => p.Id == id);
        var text = Readmes.Text(package.Readme);
        var headings = Heading().Matches(text).Select(m => m.Groups["title"].Value).ToList();

        Assert.StartsWith($"# {(package.IsTool ? "" : id)}", text, StringComparison.Ordinal);
        if (package.IsTool)
        {
            Assert.Contains($"dotnet tool install --global {id}", text, StringComparison.Ordinal);
            Assert.Contains(headings, h => h.StartsWith("Exit codes", StringComparison.Ordinal));
            return;
        }

        Assert.Contains($"dotnet add package {id}", text, StringComparison.Ordinal);
        Assert.Contains(headings, h => h.Contains("Options", StringComparison.Ordinal));
        Assert.Contains(headings, h => h.Contains("Errors", StringComparison.OrdinalIgnoreCase));
        var quickStart = QuickStart(package.Readme);
        Assert.True(quickStart.Count <= 15, $"{package.Readme}: the quick start has {quickStart.Count} lines, more than 15.");
    }

    [Fact]
    public void RootReadme_InstallListsEveryPackageAndEverySample()
    {
        var text = Readmes.Text("README.md");
        var start = text.IndexOf("\n## Install\n", StringComparison.Ordinal);
        Assert.True(start >= 0, "README.md has no '## Install' section.");
        var install = text[start..text.IndexOf("\n## ", start + 1, StringComparison.Ordinal)];
        var samples = Directory.EnumerateDirectories(Path.Combine(RepositoryCopy.Root, "samples"))
            .Where(d => Directory.EnumerateFiles(d, "Program.cs").Any())
            .Select(Path.GetFileName)
            .ToList();

        Assert.All(RepositoryPackages.All, p => Assert.Contains($"\n| `{p.Id}` |", install, StringComparison.Ordinal));
        Assert.Contains("CloudConfig.Rendezvous.Protocol", RepositoryPackages.All.Select(p => p.Id));
        Assert.Contains("RendezvousServer", samples);
        Assert.Contains("DeltacloudExplorer", samples);
        Assert.All(samples, s => Assert.Contains($"\n| `samples/{s}` |", install, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void RootReadme_LinksEachPackageReadme(string id)
    {
        var package = RepositoryPackages.All.Single(p => p.Id == id);

        Assert.Contains($"]({package.Readme})", Readmes.Text("README.md"), StringComparison.Ordinal);
    }

    // The first C# block under the "## Quick start" heading, in lines.
    private static IReadOnlyList<string> QuickStart(string readme)
    {
        var text = Readmes.Text(readme);
        var start = text.IndexOf("\n## Quick start", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{readme} has no '## Quick start' section.");
        var section = text[start..];
        var snippet = Readmes.Snippets(readme).First(s => s.Language == "csharp" && text.IndexOf(s.Code, StringComparison.Ordinal) > start);
        Assert.True(section.Contains(snippet.Code, StringComparison.Ordinal), $"{readme}: no C# block in its quick start.");
        return snippet.Code.TrimEnd('\n').Split('\n');
    }

    [GeneratedRegex(@"^###?\s+(?<title>.+)$", RegexOptions.Multiline)]
    private static partial Regex Heading();
}
