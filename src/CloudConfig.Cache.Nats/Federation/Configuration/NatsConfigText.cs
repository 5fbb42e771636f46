using System.Text;

namespace CloudConfig.Cache.Nats;

/// <summary>Writes nats-server configuration syntax: quoted strings, lists and nested blocks, indented.</summary>
internal sealed class NatsConfigText
{
    private readonly StringBuilder _text = new();
    private int _depth;

    public NatsConfigText Comment(string comment) => Line("# " + comment);

    public NatsConfigText Value(string name, string value) => Line($"{name}: {Quote(value)}");

    public NatsConfigText Raw(string name, string value) => Line($"{name}: {value}");

    public NatsConfigText List(string name, IEnumerable<string> values) =>
        Line($"{name}: [{string.Join(", ", values.Select(Quote))}]");

    public NatsConfigText Block(string name, Action<NatsConfigText> body)
    {
        Line(name + " {");
        _depth++;
        body(this);
        _depth--;
        return Line("}");
    }

    public NatsConfigText ListOfBlocks<T>(string name, IEnumerable<T> items, Action<NatsConfigText, T> body)
    {
        Line(name + ": [");
        _depth++;
        foreach (var item in items)
        {
            Block("", b => body(b, item));
        }

        _depth--;
        return Line("]");
    }

    public override string ToString() => _text.ToString();

    /// <summary>A double-quoted string; nats-server reads backslash escapes and does not expand variables inside quotes.</summary>
    public static string Quote(string value)
    {
        var escaped = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            escaped.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                _ when char.IsControl(c) => throw new ArgumentException("Values in a nats-server configuration must not contain control characters.", nameof(value)),
                _ => c.ToString(),
            });
        }

        return escaped.Append('"').ToString();
    }

    private NatsConfigText Line(string line)
    {
        _text.Append(' ', 2 * _depth).Append(line.TrimStart()).Append('\n');
        return this;
    }
}
