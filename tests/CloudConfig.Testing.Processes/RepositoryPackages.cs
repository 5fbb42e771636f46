using System.Xml.Linq;

namespace CloudConfig.Testing.Processes;

/// <summary>The repository's packages: every project under <c>src/</c> that is packed, read from the working tree.</summary>
public static class RepositoryPackages
{
    /// <summary>The packable projects, ordered by package id.</summary>
    public static IReadOnlyList<PackageProject> All { get; } = Find();

    private static List<PackageProject> Find() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryCopy.Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(path => (Path: path, Project: XDocument.Load(path)))
            .Where(p => !p.Project.Descendants("IsPackable").Any(e => e.Value.Trim() == "false"))
            .Select(p => new PackageProject(
                Path.GetRelativePath(RepositoryCopy.Root, p.Path).Replace('\\', '/'),
                Value(p.Project, "PackageId") ?? Path.GetFileNameWithoutExtension(p.Path),
                Value(p.Project, "AssemblyName") ?? Path.GetFileNameWithoutExtension(p.Path),
                Value(p.Project, "PackAsTool") == "true"))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();

    private static string? Value(XDocument project, string property) => project.Descendants(property).FirstOrDefault()?.Value.Trim();
}
