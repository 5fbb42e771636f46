using System.CommandLine;
using CloudConfig.Core;

namespace CloudConfig.Tool;

/// <summary>The filters of <c>entries list</c> and <c>entries watch</c>: domain and pool on the server, state here.</summary>
internal sealed class EntryFilterOptions
{
    public Option<string?> Domain { get; } = new("--domain") { Description = "Only entries of this domain", HelpName = "name" };

    public Option<string?> Pool { get; } = new("--pool") { Description = "Only entries of this dynamic pool", HelpName = "name" };

    public Option<string?> State { get; } = CreateStateOption();

    public void AddTo(Command command)
    {
        command.Options.Add(Domain);
        command.Options.Add(Pool);
        command.Options.Add(State);
    }

    public ConfigEntryQuery Query(ParseResult parse) => new() { Domain = parse.GetValue(Domain), DynamicPool = parse.GetValue(Pool) };

    /// <summary>The entries the filters keep, as the server's paged listing produces them.</summary>
    public async IAsyncEnumerable<ConfigEntry> ListAsync(ParseResult parse, IConfigRegistry registry, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var entry in registry.ListAsync(Query(parse), cancellationToken).ConfigureAwait(false))
        {
            if (Keeps(parse, entry))
            {
                yield return entry;
            }
        }
    }

    /// <summary>Whether the entry passes every filter (the server applies domain and pool to listings itself).</summary>
    public bool Keeps(ParseResult parse, ConfigEntry entry) =>
        Query(parse).Matches(entry) && (parse.GetValue(State) is not { } state || EntryFacts.StateName(entry.Status.State) == state);

    private static Option<string?> CreateStateOption()
    {
        var option = new Option<string?>("--state") { Description = "Only entries in this state", HelpName = "state" };
        option.AcceptOnlyFromAmong(Enum.GetValues<InstanceState>().Select(EntryFacts.StateName).ToArray());
        return option;
    }
}
