using Microsoft.Extensions.Options;

namespace CloudConfig.Agent;

/// <summary>The user data as cloud-init saved it on disk, read with a limit (<see cref="BoundedText.MaxBytes"/>).</summary>
internal sealed class UserDataFileBootStringSource(IOptions<ConfigAgentOptions> options) : IBootStringSource
{
    public string Name => "user-data file " + (options.Value.UserDataPath ?? "(disabled)");

    public async ValueTask<string?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var path = options.Value.UserDataPath;
        return string.IsNullOrEmpty(path) ? null : await BoundedText.ReadFileAsync(path, cancellationToken).ConfigureAwait(false);
    }
}
