using System.Reflection;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Architecture.Tests;

/// <summary>
/// Every package's public surface is written down (PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt, checked at build
/// by the PublicApiAnalyzers), and the helpers packages share are compiled into each as internal source, never exposed.
/// </summary>
public sealed class PublicApiTests
{
    // Implementation helpers several packages use (src/Shared): none may be a public type of any package.
    private static readonly string[] SharedHelpers =
        ["ConfigChangeSignals", "ConfigUpdateWaiter", "ConfigInputValidator", "ParameterMaps", "EntryValueCodec", "TransportOptionChecks", "RendezvousHandlers", "CacheTelemetry", "CacheBackend", "CacheOperations"];

    public static TheoryData<string> PackageIds() => [.. RepositoryPackages.All.Select(p => p.Id)];

    [Theory]
    [MemberData(nameof(PackageIds))]
    public void ApiFiles_ExistForEveryPackage_WithNullableTracking(string id)
    {
        var package = RepositoryPackages.All.Single(p => p.Id == id);

        Assert.All(ApiFiles(package), file =>
        {
            Assert.True(File.Exists(file), $"{file} is missing.");
            Assert.Equal("#nullable enable", File.ReadLines(file).First());
        });
    }

    [Fact]
    public void ApiFiles_ListEveryExportedType_AndNoTypeThatIsGone()
    {
        foreach (var package in RepositoryPackages.All.Where(p => !p.IsTool))
        {
            var exported = Assembly.Load(package.AssemblyName).GetExportedTypes().Select(ApiName).ToHashSet(StringComparer.Ordinal);
            var declared = ApiFiles(package).SelectMany(File.ReadLines).Select(line => line.TrimStart('~')).ToHashSet(StringComparer.Ordinal);
            // Members read "Type.Member... -> Result"; a line without an arrow or a parameter list declares a type.
            var declaredTypes = declared.Where(line => !line.StartsWith('#') && !line.Contains(" -> ", StringComparison.Ordinal) && !line.Contains('(', StringComparison.Ordinal));

            Assert.All(exported, type => Assert.True(declared.Contains(type), $"{package.Id}: {type} is public but not in its PublicAPI files."));
            Assert.All(declaredTypes, line => Assert.True(exported.Contains(line), $"{package.Id}: its PublicAPI files list {line}, which it does not export."));
        }
    }

    [Fact]
    public void SharedHelpers_AreNotPublicInAnyPackage()
    {
        var exposed = Packages.LoadAll()
            .SelectMany(assembly => assembly.GetExportedTypes().Select(type => (type.Name, Package: assembly.GetName().Name)))
            .Where(t => SharedHelpers.Contains(t.Name))
            .Select(t => $"{t.Name} in {t.Package}")
            .ToList();

        Assert.True(exposed.Count == 0, "Shared helpers exposed:\n" + string.Join("\n", exposed));
        Assert.True(Directory.Exists(Path.Combine(RepositoryCopy.Root, "src", "Shared")));
    }

    [Fact]
    public void DocumentationFiles_NeverDocumentOneMemberInTwoPackages()
    {
        // A shared source file documented with XML comments would put the same member id into every package that
        // compiles it; tools that merge the documentation of an app's references (ASP.NET Core's OpenAPI comments)
        // then fail on the duplicate key.
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        foreach (var assembly in Packages.LoadAll())
        {
            var documentation = Path.ChangeExtension(assembly.Location, ".xml");
            Assert.True(File.Exists(documentation), $"{documentation} is missing.");
            foreach (var member in System.Xml.Linq.XDocument.Load(documentation).Descendants("member"))
            {
                // Source generators' own helpers (regular expressions, OpenAPI) are theirs to name, in every assembly.
                var id = member.Attribute("name")!.Value;
                if (id.Contains(".Generated.", StringComparison.Ordinal))
                {
                    continue;
                }

                if (!owners.TryAdd(id, assembly.GetName().Name!))
                {
                    duplicates.Add($"{id} in {owners[id]} and {assembly.GetName().Name}");
                }
            }
        }

        Assert.True(owners.Count > 1000, $"Only {owners.Count} documented members were read.");
        Assert.True(duplicates.Count == 0, "Members documented in two packages:\n" + string.Join("\n", duplicates));
    }

    private static string[] ApiFiles(PackageProject package)
    {
        var folder = Path.Combine(RepositoryCopy.Root, Path.GetDirectoryName(package.Path)!);
        return [Path.Combine(folder, "PublicAPI.Shipped.txt"), Path.Combine(folder, "PublicAPI.Unshipped.txt")];
    }

    // The analyzers' name for a type: namespace, enclosing types and type parameters, as in "A.B<T>.C".
    private static string ApiName(Type type)
    {
        var name = type.Name.Split('`')[0];
        var ownParameters = type.GetGenericArguments().Skip(type.DeclaringType?.GetGenericArguments().Length ?? 0).ToList();
        if (ownParameters.Count > 0)
        {
            name += $"<{string.Join(", ", ownParameters.Select(p => p.Name))}>";
        }

        return type.DeclaringType is { } outer ? $"{ApiName(outer)}.{name}" : $"{type.Namespace}.{name}";
    }
}
