using System.CommandLine;
using CloudConfig.Cache.Rendezvous;
using CloudConfig.Core;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace CloudConfig.Tool;

/// <summary>What a command runs with: the server's app client, the console, and whether to write rich or plain.</summary>
internal sealed class ToolSession : IDisposable
{
    private readonly RendezvousConfigCache _client;
    private IAnsiConsole? _ansi;

    private ToolSession(ToolConsole console, ConnectionSettings settings, bool rich, bool verbose)
    {
        Console = console;
        Settings = settings;
        Rich = rich;
        _client = new RendezvousConfigCache(
            Options.Create(new RendezvousConfigCacheOptions
            {
                BaseAddress = settings.Server,
                ApiKey = settings.ApiKey.Reveal(),
                PinnedCertificate = settings.PinnedCertificate,
            }),
            verbose ? new VerboseLogger(console.Error, settings.ApiKey) : null);
    }

    public ToolConsole Console { get; }

    public ConnectionSettings Settings { get; }

    /// <summary>The server's app API.</summary>
    public IConfigRegistry Registry => _client;

    /// <summary>Whether output is for a person at a terminal (tables, colours, live display) rather than plain text.</summary>
    public bool Rich { get; }

    /// <summary>The Spectre console over standard output, for rich output only.</summary>
    public IAnsiConsole Ansi => _ansi ??= AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.Detect,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(Console.Out),
    });

    public static async Task<ToolSession> OpenAsync(ParseResult parse, GlobalOptions options, ToolConsole console, Action<ConnectionSettings> onSettings, CancellationToken cancellationToken)
    {
        var settings = await ConnectionSettings.ResolveAsync(parse, options, console, cancellationToken).ConfigureAwait(false);
        onSettings(settings);
        var verbose = parse.GetValue(options.Verbose);
        if (verbose)
        {
            var pin = settings.PinnedCertificate is null ? "" : ", pinned certificate " + settings.PinnedCertificate;
            await console.Error.WriteLineAsync($"cloudconfig: server {settings.Server}, API key from {settings.ApiKey.Source}{pin}").ConfigureAwait(false);
        }

        return new ToolSession(console, settings, console.OutputIsTerminal && !parse.GetValue(options.Plain), verbose);
    }

    public void Dispose() => _client.Dispose();
}
