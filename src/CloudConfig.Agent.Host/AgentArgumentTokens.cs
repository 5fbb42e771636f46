using System.CommandLine;
using System.CommandLine.Parsing;

namespace CloudConfig.Agent.Host;

/// <summary>An argument as the parser gets it, with its position on the command line (0-based).</summary>
internal readonly record struct AgentArgumentToken(string Text, int Position);

/// <summary>What the agent does to its arguments around System.CommandLine's parsing.</summary>
internal static class AgentArgumentTokens
{
    /// <summary>
    /// Joins each value option with the argument after it (<c>--arg --</c> becomes <c>--arg=--</c>), so that the
    /// value is taken whatever it looks like: <c>--arg --</c>, <c>--arg -h</c> and a boot string starting with '-'
    /// are values, as the agent has always read them, not the parser's own tokens. A value option with nothing after
    /// it is noted in <paramref name="missingValues"/>; an empty value ('') is passed on as it is.
    /// </summary>
    public static List<AgentArgumentToken> JoinValues(IReadOnlyList<string> args, IReadOnlySet<string> valueOptions, List<string> missingValues)
    {
        var joined = new List<AgentArgumentToken>(args.Count);
        for (var i = 0; i < args.Count; i++)
        {
            if (valueOptions.Contains(args[i]))
            {
                if (i + 1 < args.Count && args[i + 1].Length > 0)
                {
                    joined.Add(new($"{args[i]}={args[i + 1]}", i));
                    i++;
                    continue;
                }

                // An empty value stays apart: joined, '--boot-env=' would be the option without a value.
                if (i + 1 == args.Count)
                {
                    missingValues.Add($"{args[i]} needs a value.");
                }
            }

            joined.Add(new(args[i], i));
        }

        return joined;
    }

    /// <summary>
    /// One problem per argument the agent does not know (and for a bare <c>--</c>), by position only: a mistyped
    /// option may be followed by a secret, which must not be echoed.
    /// </summary>
    public static IEnumerable<string> Unknown(ParseResult parse, IReadOnlyList<AgentArgumentToken> joined)
    {
        var positions = new List<int>();
        var from = 0;
        foreach (var text in parse.UnmatchedTokens)
        {
            var index = Find(joined, from, text);
            positions.Add(index < 0 ? int.MaxValue : joined[index].Position);
            from = index < 0 ? from : index + 1;
        }

        // A bare '--' ends the options for the parser; the agent has no arguments after it, so it is a mistake too.
        if (parse.Tokens.Any(token => token.Type == TokenType.DoubleDash))
        {
            var index = Find(joined, 0, "--");
            positions.Add(index < 0 ? int.MaxValue : joined[index].Position);
        }

        return positions.Order().Distinct().Select(p => p == int.MaxValue ? "Unknown argument." : $"Unknown argument at position {p + 1}.");
    }

    private static int Find(IReadOnlyList<AgentArgumentToken> joined, int from, string text)
    {
        for (var i = from; i < joined.Count; i++)
        {
            // Whole, or the value the parser split off a flag ('--once=yes').
            if (joined[i].Text == text || joined[i].Text.EndsWith("=" + text, StringComparison.Ordinal) || joined[i].Text.EndsWith(":" + text, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
