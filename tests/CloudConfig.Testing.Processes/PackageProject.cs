namespace CloudConfig.Testing.Processes;

/// <summary>One packable project.</summary>
/// <param name="Path">Its project file, relative to the repository root.</param>
/// <param name="Id">Its package id.</param>
/// <param name="AssemblyName">Its assembly's name.</param>
/// <param name="IsTool">Whether it packs as a <c>dotnet tool</c> (no library, no symbols package).</param>
public sealed record PackageProject(string Path, string Id, string AssemblyName, bool IsTool)
{
    /// <summary>The project's folder under <c>src/</c>.</summary>
    public string Folder => System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(Path))!;

    /// <summary>Its README, relative to the repository root.</summary>
    public string Readme => $"src/{Folder}/README.md";
}
