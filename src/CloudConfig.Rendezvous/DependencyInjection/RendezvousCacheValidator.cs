using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudConfig.Rendezvous;

/// <summary>
/// Refuses to start a rendezvous server whose services hold no <see cref="IConfigCache"/>: the server exposes the
/// app's cache and has none of its own, so without one it could only fail on the first request.
/// </summary>
internal sealed class RendezvousCacheValidator(IServiceProviderIsService services) : IValidateOptions<RendezvousOptions>
{
    public const string Missing =
        "No IConfigCache is registered: the rendezvous server exposes the app's cache and makes none of its own. "
        + "Add one to the same services as AddConfigRendezvous (services.AddInMemoryConfigCache(), AddRedisConfigCache(...), AddConfigCache(cache)), "
        + "so that the app and the server share it.";

    public ValidateOptionsResult Validate(string? name, RendezvousOptions options) =>
        services.IsService(typeof(IConfigCache)) ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(Missing);
}
