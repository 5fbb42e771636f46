using System.Text;

namespace CloudConfig.Tool.Tests;

/// <summary>A text writer that a test may read while the tool is still writing to it from another thread.</summary>
internal sealed class LockedWriter : TextWriter
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    public override Encoding Encoding => Encoding.UTF8;

    public string Text
    {
        get
        {
            lock (_lock)
            {
                return _text.ToString();
            }
        }
    }

    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void Write(string? value)
    {
        lock (_lock)
        {
            _text.Append(value);
        }
    }

    public override void Write(char[] buffer, int index, int count)
    {
        lock (_lock)
        {
            _text.Append(buffer, index, count);
        }
    }

    /// <summary>Waits until the text satisfies <paramref name="condition"/>, polling, for at most <paramref name="deadline"/>.</summary>
    public async Task WaitForAsync(Func<string, bool> condition, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        while (!condition(Text))
        {
            try
            {
                await Task.Delay(20, timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The tool's output never matched within {deadline}: {Text}");
            }
        }
    }
}
