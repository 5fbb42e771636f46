using System.Net.Http.Json;
using System.Text.Json;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;

namespace CloudConfig.Rendezvous.Client;

// One send path: per-attempt timeout (covering the body too), bounded reads, retries, and the mapping of every
// failure to a Core exception.
public sealed partial class RendezvousInstanceClient
{
    private async Task<HttpResponseMessage> SendAsync(string operation, Guid? uuid, HttpMethod method, string path, string authorization, HttpContent? body, bool idempotent, TimeSpan extraTime, CancellationToken cancellationToken)
    {
        // One span per call, retries included; HttpClient sends its context (traceparent) with every attempt.
        using var activity = RendezvousClientTelemetry.Start(operation, uuid, BaseAddress);
        try
        {
            return await SendWithRetriesAsync(method, path, authorization, body, idempotent, extraTime, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (activity is not null)
        {
            CloudConfigTelemetry.RecordFailure(activity, e);
            throw;
        }
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(HttpMethod method, string path, string authorization, HttpContent? body, bool idempotent, TimeSpan extraTime, CancellationToken cancellationToken)
    {
        var pipeline = idempotent ? _idempotent : _nonIdempotent;
        var bytes = body is null ? null : await body.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await pipeline.ExecuteAsync(
                async token =>
                {
                    using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                    attempt.CancelAfter(_options.RequestTimeout + extraTime);
                    using var request = new HttpRequestMessage(method, path);
                    request.Headers.TryAddWithoutValidation(RendezvousHeaders.Authorization, authorization);
                    if (bytes is not null)
                    {
                        request.Content = new ByteArrayContent(bytes);
                        request.Content.Headers.ContentType = new(RendezvousHeaders.JsonMediaType) { CharSet = "utf-8" };
                    }

                    try
                    {
                        // Headers first: the body is read here, bounded, within the same attempt's deadline, so a
                        // huge or dripping answer can neither fill memory nor hold the agent past its timeout.
                        var answer = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token).ConfigureAwait(false);
                        try
                        {
                            await BoundedResponse.BufferAsync(answer, _options.MaxResponseBytes, attempt.Token).ConfigureAwait(false);
                            return answer;
                        }
                        catch
                        {
                            answer.Dispose();
                            throw;
                        }
                    }
                    catch (OperationCanceledException e) when (!token.IsCancellationRequested)
                    {
                        throw new TimeoutException("The rendezvous server did not answer in time.", e);
                    }
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (RendezvousHandlers.IsTrustFailure(e))
        {
            throw new RendezvousTrustException("The rendezvous server's certificate was refused (not the pinned certificate, or not valid).", e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            throw new ConfigCacheUnavailableException("The rendezvous server could not be reached.", e);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await ErrorAsync(response, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<ConfigCacheException> ErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        ProblemMessage? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is RendezvousHeaders.ProblemMediaType or RendezvousHeaders.JsonMediaType)
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync(RendezvousJsonContext.Default.ProblemMessage, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // A proxy's error page, not ours: the status alone decides.
            }
        }

        var status = (int)response.StatusCode;
        return RendezvousProblems.ToException(status, problem)
            ?? (status is >= 300 and < 400
                ? new ConfigCacheException($"The rendezvous server answered {status}, a redirect; redirects are never followed, since they could send the credential elsewhere.")
                : new ConfigCacheUnavailableException($"The rendezvous server answered {status} after retries."));
    }

    private void LogRetry(int attempt, TimeSpan delay) => Log.Retrying(_logger, BaseAddress, attempt, delay);
}
