using System.Reflection;
using System.Text.RegularExpressions;
using CloudConfig.Core;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Packaging.Tests;

/// <summary>The packages' one version and the changelog move together.</summary>
public sealed partial class VersionTests
{
    [Fact]
    public void Changelog_LatestVersionHeading_IsTheVersionThePackagesAreBuiltWith()
    {
        var built = typeof(ConfigProvisioner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];
        var changelog = File.ReadAllText(Path.Combine(RepositoryCopy.Root, "CHANGELOG.md"));

        var latest = VersionHeading().Match(changelog);

        Assert.True(latest.Success, "CHANGELOG.md has no '## [x.y.z]' heading.");
        Assert.Equal(built, latest.Groups["version"].Value);
    }

    [Fact]
    public void Version_IsSetInOnePlaceOnly()
    {
        var files = Directory.EnumerateFiles(RepositoryCopy.Root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".csproj", StringComparison.Ordinal) || f.EndsWith(".props", StringComparison.Ordinal) || f.EndsWith(".targets", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => VersionProperty().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(RepositoryCopy.Root, f).Replace('\\', '/'))
            .ToList();

        Assert.Equal(["src/Directory.Build.props"], files);
    }

    [GeneratedRegex(@"^## \[(?<version>\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)\]", RegexOptions.Multiline)]
    private static partial Regex VersionHeading();

    [GeneratedRegex(@"<(Version|VersionPrefix|PackageVersion)>")]
    private static partial Regex VersionProperty();
}
