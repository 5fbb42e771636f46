using CloudConfig.Core;

namespace CloudConfig.Cache.Conformance;

/// <summary>Releases a cache after a test: disposes it when it is disposable (asynchronously when it can be).</summary>
public static class CacheDisposal
{
    public static async Task DisposeAsync(IConfigCache? cache)
    {
        switch (cache)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
