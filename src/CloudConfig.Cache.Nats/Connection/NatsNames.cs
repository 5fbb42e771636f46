using System.Text.RegularExpressions;

namespace CloudConfig.Cache.Nats;

/// <summary>The names NATS accepts for JetStream domains, accounts and bucket prefixes: letters, digits, '-' and '_'.</summary>
internal static partial class NatsNames
{
    public const int MaxLength = 64;

    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name);

    [GeneratedRegex(@"\A[A-Za-z0-9_-]+\z")]
    private static partial Regex Pattern();
}
