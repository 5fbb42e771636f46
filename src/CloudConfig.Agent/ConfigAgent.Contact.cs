using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;

namespace CloudConfig.Agent;

// Talking to the rendezvous point: rotation through the endpoints, capped backoff with jitter between rounds,
// and a hard stop on anything retrying cannot change (a refused credential or certificate, a refusal, a credential
// that cannot be sent, an answer over the size limit).
internal sealed partial class ConfigAgent
{
    private Task<T> CallAsync<T>(string operation, Func<IConfigRendezvous, CancellationToken, Task<T>> call, CancellationToken cancellationToken) =>
        CallAsync(operation, call, maxRounds: int.MaxValue, cancellationToken);

    /// <summary>Calls until success or a final failure; after <paramref name="maxRounds"/> failed rounds, the last transient failure is thrown.</summary>
    private async Task<T> CallAsync<T>(string operation, Func<IConfigRendezvous, CancellationToken, Task<T>> call, int maxRounds, CancellationToken cancellationToken)
    {
        // One span per call, every endpoint and backoff included; each attempt's HTTP request carries its context.
        using var activity = AgentTelemetry.StartCall(operation, _state?.Uuid);
        try
        {
            return await CallWithRetriesAsync(operation, call, maxRounds, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (activity is not null)
        {
            CloudConfigTelemetry.RecordFailure(activity, e);
            throw;
        }
    }

    private async Task<T> CallWithRetriesAsync<T>(string operation, Func<IConfigRendezvous, CancellationToken, Task<T>> call, int maxRounds, CancellationToken cancellationToken)
    {
        var failures = 0;
        while (true)
        {
            var endpoint = _rotation.Current;
            try
            {
                return await call(Connect(endpoint), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is not OperationCanceledException)
            {
                // Stopping: whatever the interrupted call failed with, the reason is the stop.
                throw new OperationCanceledException("The agent is stopping.", e, cancellationToken);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                if (Final(operation, endpoint, e) is { } final)
                {
                    throw final;
                }

                if (!IsTransient(e, cancellationToken))
                {
                    throw;
                }

                failures++;
                Log.CallFailed(_logger, operation, endpoint, e.GetType().Name, OneLine(e.Message));
                _rotation.Advance();
                // Every endpoint is tried once per round without waiting; only a whole failed round backs off.
                if (failures % _rotation.Count == 0)
                {
                    var round = failures / _rotation.Count;
                    if (round >= maxRounds)
                    {
                        throw;
                    }

                    var delay = _backoff.DelayForRound(round);
                    // The timer is created before logging, so an observer of the log sees it already armed.
                    var wait = Task.Delay(delay, _time, cancellationToken);
                    Log.RetryScheduled(_logger, operation, delay, failures);
                    await wait.ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>The agent's error for a failure retrying cannot change, or null for any other failure.</summary>
    private ConfigAgentException? Final(string operation, RendezvousEndpoint endpoint, Exception e)
    {
        switch (e)
        {
            case ConfigEntryNotFoundException:
                Log.AuthenticationFailed(_logger, operation, _state.Uuid, endpoint);
                return new ConfigAgentAuthenticationException(operation, _state.Uuid, e);
            case RendezvousTrustException:
                // Checked before the transient failures it derives from: retrying cannot change the certificate.
                Log.TrustFailed(_logger, operation, endpoint);
                return new ConfigAgentTrustException(operation, endpoint, e);
            case UnsendableCredentialException:
                return new ConfigAgentCredentialException(operation, e);
            case RendezvousResponseTooLargeException tooLarge:
                return new ConfigurationRefusedException($"the answer to {operation} is over the limit of {tooLarge.Limit} bytes.", tooLarge.Generation, e);
            case NoDynamicEntryAvailableException or ConfigCacheUnavailableException:
                return null;
            case ConfigCacheException:
                Log.Refused(_logger, operation, endpoint, OneLine(e.Message));
                return new ConfigAgentRefusedException(operation, e);
            default:
                return null;
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

    /// <summary>A server's words on one line: what a hostile or broken server sends must not forge log lines.</summary>
    internal static string OneLine(string text)
    {
        const int MaxLength = 500;
        var span = text.AsSpan(0, Math.Min(text.Length, MaxLength));
        return string.Create(span.Length, text, (chars, source) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }
}
