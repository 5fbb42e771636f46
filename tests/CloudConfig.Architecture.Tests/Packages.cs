using System.Reflection;
using System.Xml.Linq;

namespace CloudConfig.Architecture.Tests;

/// <summary>The packages of the repository: every project under <c>src/</c> that is packed.</summary>
internal static class Packages
{
    /// <summary>The assembly names of the packable projects under <c>src/</c>, read from the repository this test was built from.</summary>
    public static IReadOnlyList<string> AssemblyNames { get; } = FindAssemblyNames();

    /// <summary>Loads every package's assembly; a package this project does not reference fails with its name.</summary>
    public static IReadOnlyList<Assembly> LoadAll() =>
        AssemblyNames.Select(name =>
        {
            try
            {
                return Assembly.Load(new AssemblyName(name));
            }
            catch (FileNotFoundException)
            {
                throw new InvalidOperationException($"Package {name} is not referenced by CloudConfig.Architecture.Tests; add a ProjectReference so the cross-package rules cover it.");
            }
        }).ToList();

    private static List<string> FindAssemblyNames()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        return Directory.EnumerateFiles(src, "*.csproj", SearchOption.AllDirectories)
            .Select(path => (Path: path, Project: XDocument.Load(path)))
            .Where(p => !p.Project.Descendants("IsPackable").Any(e => string.Equals(e.Value.Trim(), "false", StringComparison.OrdinalIgnoreCase)))
            .Select(p => p.Project.Descendants("AssemblyName").FirstOrDefault()?.Value.Trim() ?? Path.GetFileNameWithoutExtension(p.Path))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CloudConfig.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No CloudConfig.sln above {AppContext.BaseDirectory}.");
    }
}
