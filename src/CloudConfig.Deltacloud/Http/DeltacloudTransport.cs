using System.Text;
using Flurl;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CloudConfig.Deltacloud;

/// <summary>
/// Sends requests over the <see cref="HttpClient"/> its source gives for each attempt, retries safe ones with Polly,
/// and turns every failure into a <see cref="DeltacloudException"/>. URLs with a query are built with Flurl's
/// <see cref="Url"/>; no Flurl type leaves this class.
/// </summary>
internal sealed class DeltacloudTransport : IDisposable
{
    private readonly HttpClientSource _clients;
    private readonly DeltacloudClientOptions _options;
    private readonly ResiliencePipeline _retry;
    private readonly string _accept;
    private readonly string? _authorization;

    public DeltacloudTransport(HttpClientSource clients, DeltacloudClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _clients = clients;
        _options = options;
        _retry = BuildRetry(options, timeProvider, logger);
        _accept = options.Format == DeltacloudFormat.Json ? "application/json" : "application/xml";

        // Made once: the credentials do not change for the client's lifetime.
        _authorization = string.IsNullOrEmpty(options.Username)
            ? null
            : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Username}:{options.Password ?? string.Empty}"));
        TimeProvider = timeProvider;
    }

    public TimeProvider TimeProvider { get; }

    public DeltacloudClientOptions Options => _options;

    public Task<DeltacloudResponse> SendAsync(DeltacloudRequest request, DeltacloudSelection selection, CancellationToken cancellationToken) =>
        request.Retry
            ? _retry.ExecuteAsync(static (state, ct) => new ValueTask<DeltacloudResponse>(state.Transport.SendOnceAsync(state.Request, state.Selection, ct)), (Transport: this, Request: request, Selection: selection), cancellationToken).AsTask()
            : SendOnceAsync(request, selection, cancellationToken);

    public async Task<DeltacloudResponse> SendOnceAsync(DeltacloudRequest request, DeltacloudSelection selection, CancellationToken cancellationToken)
    {
        using var message = new HttpRequestMessage(request.Method, Target(request, selection, out var selectByHeaders));
        var headers = message.Headers;
        headers.TryAddWithoutValidation("Accept", _accept);
        if (request.Authenticate && _authorization is not null)
        {
            headers.TryAddWithoutValidation("Authorization", _authorization);
        }

        if (selectByHeaders && selection.Driver is not null)
        {
            headers.TryAddWithoutValidation(DeltacloudRoutes.DriverHeader, selection.Driver.Trim());
        }

        if (selectByHeaders && selection.Provider is not null)
        {
            headers.TryAddWithoutValidation(DeltacloudRoutes.ProviderHeader, selection.Provider.Trim());
        }

        message.Content = request.Form is null ? null : new FormUrlEncodedContent(request.Form);

        // A client made for this attempt alone, so the factory can rotate its handlers. The shorter of the options'
        // timeout and the one its registration configured applies; lowering it here leaves the registration as it is.
        using var httpClient = _clients.Create();
        if (_options.RequestTimeout < httpClient.Timeout)
        {
            httpClient.Timeout = _options.RequestTimeout;
        }

        HttpResponseMessage response;
        try
        {
            response = await httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (OperationCanceledException ex)
        {
            throw DeltacloudErrorMap.TimedOut(ex, request.Method, request.Url);
        }
        catch (Exception ex)
        {
            throw DeltacloudErrorMap.FromTransport(ex, request.Method, request.Url);
        }

        using (response)
        {
            string body;
            try
            {
                body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                throw new DeltacloudTransportException(ErrorText.Sentence($"{request.Method.Method} failed while reading the answer: {ex.Message}"), ex);
            }

            var status = (int)response.StatusCode;
            if (status >= 400)
            {
                throw DeltacloudErrorMap.FromResponse(status, body, request.Method, request.Url);
            }

            return new DeltacloudResponse(status, body, response.Content.Headers.ContentType?.MediaType, ReadAllow(response));
        }
    }

    public void Dispose() => _clients.Dispose();

    /// <summary>The URL to send, with the driver selection in it when the options ask for matrix parameters and it can be.</summary>
    /// <exception cref="ArgumentException">The URL (a link from the server, or one made from it) is not absolute.</exception>
    private Uri Target(DeltacloudRequest request, DeltacloudSelection selection, out bool selectByHeaders)
    {
        var target = request.Url;
        selectByHeaders = true;
        var selects = selection.Driver is not null || selection.Provider is not null;
        var query = request.Query.AsEnumerable();
        if (selects && _options.DriverSelection == DeltacloudDriverSelection.MatrixParameters
            && DriverMatrix.Insert(request.Url, _options.BaseUrl!, selection) is { } withMatrix)
        {
            target = withMatrix;
            selectByHeaders = false;

            // Rack::MatrixParams hands a POST's matrix parameters only to a form parsed before it runs.
            if (request.Method == HttpMethod.Post)
            {
                query = query.Concat(DriverMatrix.QueryForm(selection));
            }
        }

        // Encoded and checked as Flurl's request builder did: a query through its Url, illegal characters escaped,
        // and only an absolute URL sent (on Unix a bare path would read as a file URI).
        var text = Url.EncodeIllegalCharacters(WithQuery(target, query));
        if (string.IsNullOrWhiteSpace(text) || text.StartsWith('/') || !Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            throw new ArgumentException($"Cannot send the request: '{text}' is not an absolute URL.", nameof(request));
        }

        return uri;
    }

    /// <summary>The URL, trimmed, with the query parameters appended by Flurl's <see cref="Url"/> (which encodes them).</summary>
    private static string WithQuery(string target, IEnumerable<KeyValuePair<string, string>> query)
    {
        Url? url = null;
        foreach (var (name, value) in query)
        {
            (url ??= new Url(target)).AppendQueryParam(name, value);
        }

        return url?.ToString() ?? target.Trim();
    }

    /// <summary>Reads Allow without validation: the server lists class names there, which are not HTTP tokens.</summary>
    private static List<string> ReadAllow(HttpResponseMessage message) =>
        message.Content.Headers.NonValidated.TryGetValues("Allow", out var values) ? values.ToList()
        : message.Headers.NonValidated.TryGetValues("Allow", out var other) ? other.ToList()
        : [];

    private static ResiliencePipeline BuildRetry(DeltacloudClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        if (options.MaxRetryAttempts == 0)
        {
            return ResiliencePipeline.Empty;
        }

        return new ResiliencePipelineBuilder { TimeProvider = timeProvider }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<DeltacloudException>(e => e.IsTransient),
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.RetryMaxDelay,
                OnRetry = args =>
                {
                    logger.Retrying(args.Outcome.Exception?.GetType().Name ?? "unknown", args.AttemptNumber + 1, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }
}
