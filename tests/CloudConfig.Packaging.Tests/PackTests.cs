using System.Xml.Linq;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Packaging.Tests;

/// <summary>
/// Real packs of every package, from a copy of the repository in a temporary folder: what a package says about itself,
/// its README, its symbols, and that a build names no local path and does not depend on where the sources sit.
/// </summary>
[Collection(PackedFeed.Collection)]
public sealed class PackTests
{
    private readonly PackedFeed _feed;

    public PackTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public void Nuspec_CarriesIdVersionDescriptionTagsLicenseAndRepositoryType()
    {
        var metadata = _feed.Metadata("CloudConfig.Core");

        Assert.Equal("CloudConfig.Core", Value(metadata, "id"));
        Assert.Equal(_feed.Version, Value(metadata, "version"));
        Assert.StartsWith(PackedFeed.BuiltPrefix + "-test.", _feed.Version, StringComparison.Ordinal);
        Assert.StartsWith("CloudConfig core:", Value(metadata, "description"), StringComparison.Ordinal);
        Assert.Equal(["cloudconfig", "cloud", "configuration", "cloud-init", "provisioning", "boot-string", "rendezvous"], Value(metadata, "tags").Split(' '));
        var license = Element(metadata, "license")!;
        Assert.Equal(("expression", "Apache-2.0"), (license.Attribute("type")!.Value, license.Value));
        Assert.Equal("git", Element(metadata, "repository")!.Attribute("type")!.Value);
        // No host is known here, so none is invented.
        Assert.Null(Element(metadata, "repository")!.Attribute("url"));
    }

    [Fact]
    public void Readme_EveryPackageCarriesItsOwn_NeverTheRepositorys()
    {
        var repositoryReadme = File.ReadAllText(Path.Combine(RepositoryCopy.Root, "README.md"));
        foreach (var project in PackedFeed.Projects)
        {
            using var package = _feed.Open(project.Id);

            Assert.Equal("README.md", Value(_feed.Metadata(project.Id), "readme"));
            using var reader = new StreamReader(package.GetEntry("README.md")!.Open());
            var packed = reader.ReadToEnd();
            Assert.Equal(File.ReadAllText(Path.Combine(RepositoryCopy.Root, "src", project.Folder, "README.md")), packed);
            Assert.NotEqual(repositoryReadme, packed);
            Assert.Contains(project.IsTool ? $"dotnet tool install --global {project.Id}" : $"dotnet add package {project.Id}", packed, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Symbols_PdbNamesNoLocalPathOnlyDeterministicOnes()
    {
        foreach (var id in PackedFeed.Projects.Where(p => !p.IsTool).Select(p => p.Id))
        {
            var documents = _feed.PdbDocuments(id);

            Assert.Contains(documents, d => d.StartsWith($"/_/src/{id}/", StringComparison.Ordinal));
            Assert.All(documents, d =>
            {
                Assert.DoesNotContain(_feed.SourceRoot, d, StringComparison.Ordinal);
                Assert.DoesNotContain(RepositoryCopy.Root, d, StringComparison.Ordinal);
                Assert.DoesNotContain("/work/", d, StringComparison.Ordinal);
                Assert.DoesNotContain(Path.GetTempPath().TrimEnd('/'), d, StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void Build_SameSourcesElsewhere_GivesTheSameAssemblyByteForByte()
    {
        using var packed = _feed.Open("CloudConfig.Core");
        using var stream = new MemoryStream();
        packed.GetEntry("lib/net10.0/CloudConfig.Core.dll")!.Open().CopyTo(stream);

        Assert.Equal(stream.ToArray(), File.ReadAllBytes(_feed.ElsewhereBuiltCore));
    }

    [Fact]
    public void Feed_HoldsEveryPackageOfTheRepository()
    {
        var packed = Directory.EnumerateFiles(_feed.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(PackedFeed.Projects.Select(p => $"{p.Id}.{_feed.Version}.nupkg").Order(StringComparer.Ordinal), packed);
        Assert.Contains(PackedFeed.Projects, p => p.Id == "CloudConfig.Testing");
        Assert.Contains(PackedFeed.Projects, p => p.Id == "cloudconfig" && p.IsTool);
    }

    [Fact]
    public void Nuspec_EveryPackageHasItsOwnDescriptionAndTags()
    {
        var shared = new[] { "cloudconfig", "cloud", "configuration" };
        var descriptions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var project in PackedFeed.Projects)
        {
            var metadata = _feed.Metadata(project.Id);
            var tags = Value(metadata, "tags").Split(' ');

            Assert.Equal(shared, tags[..3]);
            Assert.True(tags.Length > 3, $"{project.Id} has only the family's tags.");
            Assert.True(descriptions.Add(Value(metadata, "description")), $"{project.Id} shares its description with another package.");
        }
    }

    private static string Value(XElement metadata, string name) => Element(metadata, name)!.Value;

    // The nuspec's namespace depends on the features a package uses, so elements are found by their local name.
    private static XElement? Element(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);
}
