using CloudConfig.Testing.Processes;

namespace CloudConfig.Docs.Tests;

/// <summary>Every C# snippet of every README compiles against the packages as they are, so none can rot.</summary>
public sealed class SnippetTests
{
    public static TheoryData<string, int> CsharpSnippets()
    {
        var data = new TheoryData<string, int>();
        foreach (var readme in Readmes.All)
        {
            foreach (var snippet in Readmes.Snippets(readme).Where(s => s.Language == "csharp"))
            {
                data.Add(readme, snippet.Line);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(CsharpSnippets))]
    public void CsharpSnippet_Compiles(string readme, int line)
    {
        var snippet = Readmes.Snippets(readme).Single(s => s.Line == line);

        var errors = SnippetCompiler.Errors(snippet);

        Assert.True(errors.Count == 0, $"{readme}:{line} does not compile:\n{string.Join('\n', errors)}\n--- compiled as:\n{SnippetCompiler.Source(snippet)}");
    }

    [Fact]
    public void Snippets_AreFoundInEveryPackageReadmeAndTheRoot()
    {
        var withSnippets = Readmes.All.Where(r => Readmes.Snippets(r).Any(s => s.Language == "csharp")).ToList();

        Assert.Contains("README.md", withSnippets);
        Assert.All(RepositoryPackages.All.Where(p => !p.IsTool), package => Assert.Contains(package.Readme, withSnippets));
        Assert.Single(Readmes.Snippets("README.md"), s => s.Name == "consumer-program");
    }

    [Fact]
    public void Compiler_ReferencesEveryLibraryPackage()
    {
        var referenced = SnippetCompiler.ReferencedAssemblyNames;

        Assert.All(RepositoryPackages.All.Where(p => !p.IsTool), package => Assert.True(
            referenced.Contains(package.AssemblyName),
            $"{package.AssemblyName} is not referenced by CloudConfig.Docs.Tests, so its README's snippets cannot compile; add a ProjectReference."));
    }

    [Fact]
    public void Compiler_SnippetUsingWhatDoesNotExist_IsCaught()
    {
        // The Embedded README once called agent.BootAsync on an agent it never declared; the checker must see that.
        var errors = SnippetCompiler.Errors(new MarkdownSnippet("README.md", 1, "csharp", "await agent.BootAsync(\"user data\", CancellationToken.None);\n", null, null));

        Assert.Contains(errors, e => e.StartsWith("CS0103", StringComparison.Ordinal) && e.Contains("'agent'", StringComparison.Ordinal));
    }

    [Fact]
    public void Compiler_PreludeDeclaresWhatAFragmentAssumes_AndUsingsComeFirst()
    {
        var fragment = new MarkdownSnippet("README.md", 1, "csharp", "using CloudConfig.Core;\nvar boot = BootString.Parse(userData);\n", null, "string userData = \"\";");

        Assert.Empty(SnippetCompiler.Errors(fragment));
        Assert.StartsWith("using CloudConfig.Core;\nstring userData", SnippetCompiler.Source(fragment), StringComparison.Ordinal);
    }

    [Fact]
    public void Compiler_OnlyAConsoleAppsImplicitUsings_ASnippetShowsTheRest()
    {
        var errors = SnippetCompiler.Errors(new MarkdownSnippet("README.md", 1, "csharp", "var secret = Secret.Generate();\n", null, null));

        Assert.Contains(errors, e => e.StartsWith("CS0103", StringComparison.Ordinal) && e.Contains("'Secret'", StringComparison.Ordinal));
    }
}
