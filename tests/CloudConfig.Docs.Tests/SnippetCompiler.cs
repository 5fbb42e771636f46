using System.Text;
using System.Text.RegularExpressions;
using CloudConfig.Testing.Processes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CloudConfig.Docs.Tests;

/// <summary>
/// Compiles a README's C# snippet as a consumer's project would: C# latest, nullable on, the implicit usings of a
/// console app (and nothing else: a snippet shows the usings it needs), against every package and what this test
/// project references (ASP.NET Core, hosting, logging, xunit). Top-level statements make a program; a snippet of
/// declarations only makes a library. A prelude (<c>&lt;!-- prelude: ... --&gt;</c> above the snippet) comes first,
/// after every using directive.
/// </summary>
internal static partial class SnippetCompiler
{
    private const string ConsoleImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.Latest);

    private static readonly string[] AssemblyPaths = [.. ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
        .Split(Path.PathSeparator)
        .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))];

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
        [.. AssemblyPaths.Select(path => MetadataReference.CreateFromFile(path))]);

    /// <summary>The names of the assemblies a snippet is compiled against.</summary>
    public static IReadOnlySet<string> ReferencedAssemblyNames { get; } =
        AssemblyPaths.Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.Ordinal)!;

    /// <summary>The errors (warnings are a matter of taste in a snippet), each with its line in the compiled text.</summary>
    public static IReadOnlyList<string> Errors(MarkdownSnippet snippet) => Errors(Source(snippet));

    public static IReadOnlyList<string> Errors(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, Parse, "Snippet.cs");
        var program = tree.GetCompilationUnitRoot().Members.OfType<GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [CSharpSyntaxTree.ParseText(ConsoleImplicitUsings, Parse, "ImplicitUsings.cs"), tree],
            References.Value,
            new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return [.. compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => $"{d.Id} line {d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")];
    }

    /// <summary>The text compiled: the using directives of the prelude and the snippet, then the prelude, then the snippet.</summary>
    public static string Source(MarkdownSnippet snippet)
    {
        var usings = new StringBuilder();
        var body = new StringBuilder();
        foreach (var line in (snippet.Prelude ?? "").Split('\n').Concat(snippet.Code.Split('\n')))
        {
            (UsingDirective().IsMatch(line) ? usings : body).Append(line).Append('\n');
        }

        return usings.Append(body).ToString();
    }

    // "using X.Y;", "using static X;", "using A = X.Y;": not "using var x = ..." nor "using (...)".
    [GeneratedRegex(@"^\s*using\s+(static\s+)?[A-Za-z_][\w.]*(\s*=\s*[\w.<>, ]+)?\s*;\s*(//.*)?$")]
    private static partial Regex UsingDirective();
}
