using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;

namespace CloudConfig.Tool;

/// <summary>
/// <c>--json</c> output: entries exactly as the server's app API writes them (the protocol's own messages and
/// serializer), indented, so that a script reads the same fields from the tool as from the API.
/// </summary>
internal static class EntryJson
{
    private static readonly JsonSerializerOptions Indented = new(RendezvousJsonContext.Default.Options) { WriteIndented = true };

    public static void WriteEntry(TextWriter writer, ConfigEntry entry) =>
        writer.WriteLine(Serialize(EntryMessage.From(entry)));

    /// <summary>
    /// A JSON array written as the entries arrive, so that a long listing is never held whole. Nothing is written
    /// before the first page has arrived, so a failed call leaves standard output empty.
    /// </summary>
    public static async Task WriteArrayAsync(TextWriter writer, IAsyncEnumerable<ConfigEntry> entries, CancellationToken cancellationToken)
    {
        var first = true;
        await foreach (var entry in entries.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await writer.WriteAsync(first ? "[\n" : ",\n").ConfigureAwait(false);
            await writer.WriteAsync(Serialize(EntryMessage.From(entry))).ConfigureAwait(false);
            first = false;
        }

        await writer.WriteLineAsync(first ? "[]" : "\n]").ConfigureAwait(false);
    }

    public static void WriteRemoved(TextWriter writer, int removed) =>
        writer.WriteLine(Serialize(new RemoveStaleResultMessage { Removed = removed }));

    private static string Serialize<T>(T value) =>
        JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Indented.GetTypeInfo(typeof(T)));
}
