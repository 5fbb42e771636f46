using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;

namespace CloudConfig.Tool;

/// <summary>The one place where an exception becomes an exit code and one readable line on standard error.</summary>
internal static class ErrorReport
{
    public static int Write(ToolConsole console, Exception exception, ConnectionSettings? settings)
    {
        var (code, message) = Classify(exception, settings);
        var line = string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries));
        console.Error.WriteLine(settings?.ApiKey.Redact($"cloudconfig: {line}") ?? $"cloudconfig: {line}");
        return code;
    }

    internal static (int Code, string Message) Classify(Exception exception, ConnectionSettings? settings)
    {
        var server = settings is null ? "the server" : $"the server {settings.Server}";
        return exception switch
        {
            ToolFailureException e => (e.ExitCode, e.Message),
            RendezvousTrustException => (ExitCodes.Unavailable, $"{server} presented a certificate that was refused (not the pinned one, or not valid)."),
            ConfigCacheUnavailableException e => (ExitCodes.Unavailable, settings is null ? e.Message : $"{e.Message.TrimEnd('.')} ({settings.Server})."),
            ConfigEntryNotFoundException => (ExitCodes.NotFound, "no such entry on the server."),
            ConfigurationTooLargeException e => (ExitCodes.Refused, $"refused: {e.Message}"),
            InvalidConfigInputException e => (ExitCodes.Refused, $"refused: invalid {e.Field}: {e.Problem}"),
            ConfigEntryAlreadyExistsException e => (ExitCodes.Refused, $"refused: an entry {e.Uuid} already exists."),
            ConfigCacheFullException e => (ExitCodes.Refused, $"refused: the server's cache is full ({e.Limit} entries)."),
            ConfigCacheException e when IsCredentialRefusal(e) => (ExitCodes.Unauthorized, $"{server} refused the API key (from {settings?.ApiKey.Source ?? "the settings"})."),
            ConfigCacheException e => (ExitCodes.Refused, $"refused: {e.Message}"),
            _ => (ExitCodes.Unexpected, $"unexpected error ({exception.GetType().Name}): {exception.Message}"),
        };
    }

    // The app client reports 401 and 403 as a plain ConfigCacheException naming the status (there is no
    // subclass for it); the tool's tests pin that message, so a change there fails loudly here.
    private static bool IsCredentialRefusal(ConfigCacheException exception) =>
        exception.GetType() == typeof(ConfigCacheException)
        && (exception.Message.Contains("(401)", StringComparison.Ordinal) || exception.Message.Contains("(403)", StringComparison.Ordinal));
}
