using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Xml.Linq;
using CloudConfig.Core;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Packaging.Tests;

/// <summary>
/// Real packs, from a copy of the repository in a temporary folder: what a package says about itself, its symbols,
/// and that a build names no local path and does not depend on where the sources sit.
/// </summary>
public sealed class PackTests : IClassFixture<PackTests.PackedFeed>
{
    private static readonly TimeSpan BuildDeadline = TimeSpan.FromMinutes(8);

    private readonly PackedFeed _feed;

    public PackTests(PackedFeed feed) => _feed = feed;

    [Fact]
    public void Nuspec_CarriesIdVersionDescriptionTagsLicenseAndRepositoryType()
    {
        var metadata = _feed.Metadata("CloudConfig.Core");

        Assert.Equal("CloudConfig.Core", Value(metadata, "id"));
        Assert.Equal(_feed.Version, Value(metadata, "version"));
        Assert.StartsWith("CloudConfig core:", Value(metadata, "description"), StringComparison.Ordinal);
        Assert.Equal(["cloudconfig", "cloud", "configuration", "cloud-init", "provisioning", "boot-string", "rendezvous"], Value(metadata, "tags").Split(' '));
        var license = Element(metadata, "license")!;
        Assert.Equal(("expression", "Apache-2.0"), (license.Attribute("type")!.Value, license.Value));
        Assert.Equal("git", Element(metadata, "repository")!.Attribute("type")!.Value);
        // No host is known here, so none is invented.
        Assert.Null(Element(metadata, "repository")!.Attribute("url"));
    }

    [Fact]
    public void Readme_OnlyThePackagesOwn_NeverTheRepositorys()
    {
        using var core = _feed.Open("CloudConfig.Core");
        using var embedded = _feed.Open("CloudConfig.Deltacloud.Embedded");

        Assert.Null(Element(_feed.Metadata("CloudConfig.Core"), "readme"));
        Assert.DoesNotContain(core.Entries, e => e.FullName.EndsWith(".md", StringComparison.OrdinalIgnoreCase));
        Assert.Equal("README.md", Value(_feed.Metadata("CloudConfig.Deltacloud.Embedded"), "readme"));
        using var reader = new StreamReader(embedded.GetEntry("README.md")!.Open());
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryCopy.Root, "src/CloudConfig.Deltacloud.Embedded/README.md")), reader.ReadToEnd());
    }

    [Fact]
    public void Symbols_PdbNamesNoLocalPathOnlyDeterministicOnes()
    {
        foreach (var id in PackedFeed.Ids)
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

    private static string Value(XElement metadata, string name) => Element(metadata, name)!.Value;

    // The nuspec's namespace depends on the features a package uses, so elements are found by their local name.
    private static XElement? Element(XElement metadata, string name) => metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    /// <summary>CloudConfig.Core and CloudConfig.Deltacloud.Embedded packed once for the class, and Core built again in another folder.</summary>
    public sealed class PackedFeed : IAsyncLifetime
    {
        public static readonly string[] Ids = ["CloudConfig.Core", "CloudConfig.Deltacloud.Embedded"];

        private readonly TempFiles _work = new();

        public string Version { get; } = typeof(ConfigProvisioner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

        public string SourceRoot => Path.Combine(_work.Folder, "repo");

        public string ElsewhereBuiltCore { get; private set; } = "";

        private string Feed => Path.Combine(_work.Folder, "feed");

        public async Task InitializeAsync()
        {
            RepositoryCopy.Create(SourceRoot, Ids.Select(id => $"src/{id}/{id}.csproj"));
            var elsewhere = Path.Combine(_work.Folder, "another", "place", "repo");
            RepositoryCopy.Create("src/CloudConfig.Core/CloudConfig.Core.csproj", elsewhere);
            foreach (var id in Ids)
            {
                await DotnetAsync(SourceRoot, "pack", $"src/{id}/{id}.csproj", "-c", "Release", "-o", Feed);
            }

            await DotnetAsync(elsewhere, "build", "src/CloudConfig.Core/CloudConfig.Core.csproj", "-c", "Release");
            ElsewhereBuiltCore = Path.Combine(elsewhere, "src/CloudConfig.Core/bin/Release/net10.0/CloudConfig.Core.dll");
        }

        public Task DisposeAsync()
        {
            _work.Dispose();
            return Task.CompletedTask;
        }

        public ZipArchive Open(string id, string extension = "nupkg") =>
            ZipFile.OpenRead(Path.Combine(Feed, $"{id}.{Version}.{extension}"));

        public XElement Metadata(string id)
        {
            using var package = Open(id);
            using var nuspec = package.GetEntry($"{id}.nuspec")!.Open();
            return XDocument.Load(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        }

        public IReadOnlyList<string> PdbDocuments(string id)
        {
            using var symbols = Open(id, "snupkg");
            using var pdb = new MemoryStream();
            symbols.GetEntry($"lib/net10.0/{id}.pdb")!.Open().CopyTo(pdb);
            pdb.Position = 0;
            using var provider = MetadataReaderProvider.FromPortablePdbStream(pdb);
            var reader = provider.GetMetadataReader();
            return [.. reader.Documents.Select(handle => reader.GetString(reader.GetDocument(handle).Name))];
        }

        private static async Task DotnetAsync(string workingDirectory, params string[] arguments)
        {
            var run = await ChildProcess.RunAsync(DotnetHost.Executable, [.. arguments, "--disable-build-servers", "-nodeReuse:false"], DotnetHost.ChildEnvironment(), workingDirectory, BuildDeadline);
            Assert.True(run.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{run.All}");
        }
    }
}
