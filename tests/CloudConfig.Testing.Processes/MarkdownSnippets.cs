using System.Text;
using System.Text.RegularExpressions;

namespace CloudConfig.Testing.Processes;

/// <summary>
/// The fenced code blocks of a Markdown file, with what the HTML comments right above a block say about it:
/// <c>&lt;!-- name: x --&gt;</c> names it, <c>&lt;!-- prelude: code --&gt;</c> (one line or several) is code it assumes
/// and that the page does not show, such as a variable a fragment uses.
/// </summary>
public static partial class MarkdownSnippets
{
    public static IReadOnlyList<MarkdownSnippet> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        var snippets = new List<MarkdownSnippet>();
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = Fence().Match(lines[i]);
            if (!fence.Success)
            {
                continue;
            }

            var start = i;
            var code = new StringBuilder();
            for (i++; i < lines.Length && lines[i].Trim() != fence.Groups["fence"].Value; i++)
            {
                code.Append(lines[i]).Append('\n');
            }

            var (name, prelude) = CommentsAbove(lines, start);
            snippets.Add(new MarkdownSnippet(path, start + 1, fence.Groups["language"].Value, code.ToString(), name, prelude));
        }

        return snippets;
    }

    // The comments on the lines right above a fence, read upwards until a line that is not part of one.
    private static (string? Name, string? Prelude) CommentsAbove(string[] lines, int fenceLine)
    {
        string? name = null;
        var prelude = new StringBuilder();
        var end = fenceLine - 1;
        while (end >= 0 && lines[end].TrimEnd().EndsWith("-->", StringComparison.Ordinal))
        {
            var begin = end;
            while (begin > 0 && !lines[begin].TrimStart().StartsWith("<!--", StringComparison.Ordinal))
            {
                begin--;
            }

            var text = string.Join('\n', lines[begin..(end + 1)]).Trim();
            var body = text["<!--".Length..^"-->".Length].Trim();
            if (body.StartsWith("name:", StringComparison.Ordinal))
            {
                name = body["name:".Length..].Trim();
            }
            else if (body.StartsWith("prelude:", StringComparison.Ordinal))
            {
                prelude.Insert(0, body["prelude:".Length..].Trim() + "\n");
            }

            end = begin - 1;
        }

        return (name, prelude.Length == 0 ? null : prelude.ToString());
    }

    [GeneratedRegex(@"^\s*(?<fence>```+)(?<language>[A-Za-z0-9+#-]*)\s*$")]
    private static partial Regex Fence();
}
