namespace CloudConfig.Architecture.Tests;

/// <summary>A user who imports two of our namespaces never meets CS0104: no public type name is shared between packages.</summary>
public sealed class PublicTypeNameTests
{
    [Fact]
    public void EveryPackage_IsLoadedByTheseTests()
    {
        var loaded = Packages.LoadAll().Select(a => a.GetName().Name!).ToList();

        Assert.Equal(Packages.AssemblyNames, loaded);
        Assert.Contains("CloudConfig.Core", loaded);
        Assert.Contains("CloudConfig.Deltacloud", loaded);
    }

    [Fact]
    public void PublicTypeNames_AreNotSharedBetweenTwoPackages()
    {
        var shared = Packages.LoadAll()
            .SelectMany(assembly => assembly.GetExportedTypes()
                .Where(type => !type.IsNested)
                .Select(type => (type.Name, Package: assembly.GetName().Name, type.FullName)))
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Package).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(t => $"{t.FullName} in {t.Package}"))}")
            .ToList();

        Assert.True(shared.Count == 0, "Public type names shared between packages:\n" + string.Join("\n", shared));
    }
}
