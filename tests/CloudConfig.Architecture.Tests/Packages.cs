using System.Reflection;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Architecture.Tests;

/// <summary>The packages of the repository: every project under <c>src/</c> that is packed.</summary>
internal static class Packages
{
    /// <summary>The assembly names of the packable projects under <c>src/</c>, read from the repository this test was built from.</summary>
    public static IReadOnlyList<string> AssemblyNames { get; } = [.. RepositoryPackages.All.Select(p => p.AssemblyName).Order(StringComparer.Ordinal)];

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
}
