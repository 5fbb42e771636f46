namespace CloudConfig.Agent.Tests;

internal sealed class FixedBootStringSource(string name, string? text) : IBootStringSource
{
    public int Reads { get; private set; }

    public string Name => name;

    public ValueTask<string?> ReadAsync(CancellationToken cancellationToken = default)
    {
        Reads++;
        return ValueTask.FromResult(text);
    }
}
