using CloudConfig.Testing.Processes;

namespace CloudConfig.Docs.Tests;

/// <summary>The repository's READMEs and packages, read from the working tree this test was built from.</summary>
internal static class Readmes
{
    /// <summary>Every README.md in the repository (relative paths), build output and hidden folders left out.</summary>
    public static IReadOnlyList<string> All { get; } = Directory
        .EnumerateFiles(RepositoryCopy.Root, "README.md", SearchOption.AllDirectories)
        .Select(path => Path.GetRelativePath(RepositoryCopy.Root, path).Replace('\\', '/'))
        .Where(path => !path.Split('/').Any(part => part is "bin" or "obj" || part.StartsWith('.')))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static IReadOnlyList<MarkdownSnippet> Snippets(string readme) => MarkdownSnippets.Read(Path.Combine(RepositoryCopy.Root, readme));

    public static string Text(string readme) => File.ReadAllText(Path.Combine(RepositoryCopy.Root, readme));
}
