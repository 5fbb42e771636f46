using Microsoft.Extensions.Options;

namespace CloudConfig.Agent;

/// <summary>The user data as cloud-init saved it on disk.</summary>
internal sealed class UserDataFileBootStringSource(IOptions<ConfigAgentOptions> options) : IBootStringSource
{
    // A boot string is tiny; anything much larger is someone else's user data and not worth reading whole.
    private const int MaxBytes = 64 * 1024;

    public string Name => "user-data file " + (options.Value.UserDataPath ?? "(disabled)");

    public async ValueTask<string?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var path = options.Value.UserDataPath;
        if (string.IsNullOrEmpty(path) || !File.Exists(path) || new FileInfo(path).Length > MaxBytes)
        {
            return null;
        }

        return await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
    }
}
