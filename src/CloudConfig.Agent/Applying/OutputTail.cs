using System.Text;

namespace CloudConfig.Agent;

/// <summary>Keeps the last characters of a process's output; a chatty tool cannot make the agent hold it all.</summary>
internal sealed class OutputTail(int maxChars)
{
    private readonly StringBuilder _buffer = new();
    private readonly Lock _lock = new();

    public void AppendLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_lock)
        {
            _buffer.Append(line).Append('\n');
            // Trimmed in batches so a long run does not move the buffer on every line.
            if (_buffer.Length > 2 * maxChars)
            {
                _buffer.Remove(0, _buffer.Length - maxChars);
            }
        }
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return Keep(_buffer.ToString(), maxChars);
        }
    }

    /// <summary>The last <paramref name="maxChars"/> characters of <paramref name="text"/>.</summary>
    public static string Keep(string text, int maxChars) => text.Length <= maxChars ? text : text[^maxChars..];
}
