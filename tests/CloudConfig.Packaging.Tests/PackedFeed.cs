using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Xml.Linq;
using CloudConfig.Core;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Packaging.Tests;

/// <summary>
/// Every package of the repository packed once per run into a temporary folder feed, from a copy of the sources, under
/// a version no other feed has (<c>x.y.z-test.&lt;random&gt;</c>, so a consumer restoring it can only get these);
/// CloudConfig.Core is built again in another folder with the same version. Disposing it deletes the feed and the
/// machine's package-folder copies of that version.
/// </summary>
public sealed class PackedFeed : IAsyncLifetime
{
    public const string Collection = "packed feed";

    private static readonly TimeSpan BuildDeadline = TimeSpan.FromMinutes(15);

    private readonly TempFiles _work = new();

    /// <summary>The version the packages are built with: <c>VersionPrefix</c> and a suffix of this run.</summary>
    public static string BuiltPrefix { get; } =
        typeof(ConfigProvisioner).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion.Split('+')[0];

    /// <summary>The packable projects under <c>src/</c>.</summary>
    public static IReadOnlyList<PackageProject> Projects => RepositoryPackages.All;

    public string Version { get; } = $"{BuiltPrefix}-test.{Guid.NewGuid():N}"[..(BuiltPrefix.Length + 18)];

    public string SourceRoot => Path.Combine(_work.Folder, "repo");

    public string Feed => Path.Combine(_work.Folder, "feed");

    public string ElsewhereBuiltCore { get; private set; } = "";

    public string WorkFolder => _work.Folder;

    public async Task InitializeAsync()
    {
        RepositoryCopy.Create(SourceRoot, Projects.Select(p => p.Path));
        // One build for all of them: a solution of just the packages, in the copy.
        File.WriteAllText(Path.Combine(SourceRoot, "Packages.slnx"), new XElement("Solution",
            Projects.Select(p => new XElement("Project", new XAttribute("Path", p.Path)))).ToString());
        var suffix = Version[(BuiltPrefix.Length + 1)..];
        await DotnetAsync(SourceRoot, "pack", "Packages.slnx", "-c", "Release", "-o", Feed, $"-p:VersionSuffix={suffix}");

        var elsewhere = Path.Combine(_work.Folder, "another", "place", "repo");
        RepositoryCopy.Create("src/CloudConfig.Core/CloudConfig.Core.csproj", elsewhere);
        await DotnetAsync(elsewhere, "build", "src/CloudConfig.Core/CloudConfig.Core.csproj", "-c", "Release", $"-p:VersionSuffix={suffix}");
        ElsewhereBuiltCore = Path.Combine(elsewhere, "src/CloudConfig.Core/bin/Release/net10.0/CloudConfig.Core.dll");
    }

    public Task DisposeAsync()
    {
        foreach (var project in Projects)
        {
            PackageCache.Remove(project.Id, Version);
        }

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

    /// <summary>Runs an MSBuild command (build, pack) with no build servers left behind; it must succeed.</summary>
    public static Task<ProcessRun> DotnetAsync(string workingDirectory, params string[] arguments) =>
        DotnetCommandAsync(workingDirectory, [.. arguments, "--disable-build-servers", "-nodeReuse:false"]);

    /// <summary>Runs any <c>dotnet</c> command as it is given; it must succeed.</summary>
    public static async Task<ProcessRun> DotnetCommandAsync(string workingDirectory, params string[] arguments)
    {
        var run = await ChildProcess.RunAsync(DotnetHost.Executable, arguments, DotnetHost.ChildEnvironment(), workingDirectory, BuildDeadline);
        Assert.True(run.ExitCode == 0, $"dotnet {string.Join(' ', arguments)} failed:\n{run.All}");
        return run;
    }
}

[CollectionDefinition(PackedFeed.Collection)]
public sealed class PackedFeedCollection : ICollectionFixture<PackedFeed>;
