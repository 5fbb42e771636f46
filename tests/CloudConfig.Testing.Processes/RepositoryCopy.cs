using System.Xml.Linq;

namespace CloudConfig.Testing.Processes;

/// <summary>
/// A copy of just what building one project needs (the repository's top-level files, src's shared files, src/Shared and the
/// project with everything it references), without bin and obj: a pack there never touches the assemblies that
/// other tests of the same run have loaded from the working tree.
/// </summary>
public static class RepositoryCopy
{
    public static string Root { get; } = FindRoot();

    /// <summary>Copies the project at <paramref name="relativeProject"/> and its references into <paramref name="target"/>.</summary>
    public static void Create(string relativeProject, string target) => Create(target, [relativeProject]);

    /// <summary>Copies the projects at <paramref name="relativeProjects"/> and everything they reference into <paramref name="target"/>.</summary>
    public static void Create(string target, IEnumerable<string> relativeProjects)
    {
        CopyFiles(Root, target);
        CopyFiles(Path.Combine(Root, "src"), Path.Combine(target, "src"));
        CopyTree(Path.Combine(Root, "src", "Shared"), Path.Combine(target, "src", "Shared"));
        var projects = relativeProjects.SelectMany(p => Closure(Path.Combine(Root, p))).ToHashSet(StringComparer.Ordinal);
        foreach (var project in projects)
        {
            var folder = Path.GetDirectoryName(project)!;
            CopyTree(folder, Path.Combine(target, Path.GetRelativePath(Root, folder)));
        }
    }

    private static HashSet<string> Closure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var next))
        {
            if (!found.Add(next))
            {
                continue;
            }

            foreach (var reference in XDocument.Load(next).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', '/');
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(next)!, include)));
            }
        }

        return found;
    }

    private static void CopyFiles(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static void CopyTree(string from, string to)
    {
        CopyFiles(from, to);
        foreach (var folder in Directory.EnumerateDirectories(from))
        {
            if (Path.GetFileName(folder) is not ("bin" or "obj"))
            {
                CopyTree(folder, Path.Combine(to, Path.GetFileName(folder)));
            }
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "CloudConfig.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (CloudConfig.sln) is not above the test's folder.");
    }
}
