namespace CloudConfig.Testing.Processes;

/// <summary>One fenced code block of a Markdown file.</summary>
/// <param name="File">The Markdown file.</param>
/// <param name="Line">The 1-based line of its opening fence.</param>
/// <param name="Language">The fence's language (<c>csharp</c>, <c>sh</c>...), empty when none.</param>
/// <param name="Code">Its text, each line ending in a line feed.</param>
/// <param name="Name">The name a <c>&lt;!-- name: x --&gt;</c> comment above it gives, if any.</param>
/// <param name="Prelude">The code <c>&lt;!-- prelude: ... --&gt;</c> comments above it assume, if any.</param>
public sealed record MarkdownSnippet(string File, int Line, string Language, string Code, string? Name, string? Prelude)
{
    /// <summary>Where it is, for messages: <c>path:line</c>.</summary>
    public string Location => $"{File}:{Line}";
}
