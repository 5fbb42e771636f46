using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;

namespace CloudConfig.Agent;

// Talking to the rendezvous point: rotation through the endpoints, capped backoff with jitter between rounds,
// and a hard stop on an authentication failure or a refused certificate.
internal sealed partial class ConfigAgent
{
    private async Task<T> CallAsync<T>(string operation, Func<IConfigRendezvous, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            var endpoint = _rotation.Current;
            try
            {
                return await call(Connect(endpoint), cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigEntryNotFoundException e)
            {
                Log.AuthenticationFailed(_logger, operation, _state.Uuid, endpoint);
                throw new ConfigAgentAuthenticationException(operation, _state.Uuid, e);
            }
            catch (RendezvousTrustException e)
            {
                // Checked before the transient failures it derives from: retrying cannot change the certificate.
                Log.TrustFailed(_logger, operation, endpoint);
                throw new ConfigAgentTrustException(operation, endpoint, e);
            }
            catch (Exception e) when (IsTransient(e, cancellationToken))
            {
                failures++;
                Log.CallFailed(_logger, operation, endpoint, e.GetType().Name, e.Message);
                _rotation.Advance();
                // Every endpoint is tried once per round without waiting; only a whole failed round backs off.
                if (failures % _rotation.Count == 0)
                {
                    var delay = _backoff.DelayForRound(failures / _rotation.Count);
                    // The timer is created before logging, so an observer of the log sees it already armed.
                    var wait = Task.Delay(delay, _time, cancellationToken);
                    Log.RetryScheduled(_logger, operation, delay, failures);
                    await wait.ConfigureAwait(false);
                }
            }
        }
    }

    private IConfigRendezvous Connect(RendezvousEndpoint endpoint)
    {
        if (!_connections.TryGetValue(endpoint, out var rendezvous))
        {
            rendezvous = _connector.Connect(endpoint);
            _connections[endpoint] = rendezvous;
        }

        return rendezvous;
    }

    private static bool IsTransient(Exception e, CancellationToken cancellationToken) =>
        !cancellationToken.IsCancellationRequested
        && e is ConfigCacheUnavailableException
            or NoDynamicEntryAvailableException
            or HttpRequestException
            or IOException
            or TimeoutException
            or OperationCanceledException;
}
