using CloudConfig.Core;

namespace CloudConfig.Tool;

/// <summary>A configuration read from a file, with its content type given or guessed from the file's extension.</summary>
internal static class ConfigurationFile
{
    /// <summary>The content types guessed from an extension; any other file is <c>application/octet-stream</c>.</summary>
    public static IReadOnlyDictionary<string, string> TypesByExtension { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".sh"] = "text/x-shellscript",
        [".json"] = "application/json",
        [".yaml"] = "application/yaml",
        [".yml"] = "application/yaml",
        [".xml"] = "application/xml",
        [".pp"] = "text/x-puppet",
        [".txt"] = ConfigurationContent.DefaultTextType,
    };

    /// <summary>The file as a configuration; without a content type, the one its extension suggests.</summary>
    public static async Task<ConfigurationContent> ReadAsync(string path, string? contentType, CancellationToken cancellationToken)
    {
        var bytes = await ReadBytesAsync(path, contentType, cancellationToken).ConfigureAwait(false);
        return ConfigurationContent.FromBytes(bytes, contentType ?? Guess(path));
    }

    /// <summary>The file's bytes, after checking the content type option (a blank one is a usage error).</summary>
    public static Task<byte[]> ReadBytesAsync(string path, string? contentType, CancellationToken cancellationToken)
    {
        if (contentType is not null && string.IsNullOrWhiteSpace(contentType))
        {
            throw ToolFailureException.Usage("--content-type must not be empty.");
        }

        return InputFiles.ReadAsync(path, InputFiles.MaxConfigurationBytes, "the configuration file", cancellationToken);
    }

    public static string Guess(string path) =>
        TypesByExtension.TryGetValue(Path.GetExtension(path), out var type) ? type : ConfigurationContent.DefaultBinaryType;
}
