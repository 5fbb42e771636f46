using Flurl;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace CloudConfig.Deltacloud;

/// <summary>
/// Sends requests through Flurl over the <see cref="HttpClient"/> its source gives for each attempt, retries safe
/// ones with Polly, and turns every failure into a <see cref="DeltacloudException"/>. No Flurl type leaves this class.
/// </summary>
internal sealed class DeltacloudTransport : IDisposable
{
    private readonly HttpClientSource _clients;
    private readonly DeltacloudClientOptions _options;
    private readonly ResiliencePipeline _retry;

    public DeltacloudTransport(HttpClientSource clients, DeltacloudClientOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _clients = clients;
        _options = options;
        _retry = BuildRetry(options, timeProvider, logger);
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
        var url = Target(request, selection, out var selectByHeaders);

        // A client made for this attempt alone: Flurl takes over its Timeout, so the shorter of the options' and the
        // one its registration configured is read first and enforced per request.
        using var httpClient = _clients.Create();
        var timeout = httpClient.Timeout < _options.RequestTimeout ? httpClient.Timeout : _options.RequestTimeout;
        using var flurl = new FlurlClient(httpClient);
        var flurlRequest = flurl.Request(url)
            .AllowAnyHttpStatus()
            .WithTimeout(timeout)
            .WithHeader("Accept", _options.Format == DeltacloudFormat.Json ? "application/json" : "application/xml");
        if (request.Authenticate && !string.IsNullOrEmpty(_options.Username))
        {
            flurlRequest.WithBasicAuth(_options.Username, _options.Password ?? string.Empty);
        }

        if (selectByHeaders && selection.Driver is not null)
        {
            flurlRequest.WithHeader(DeltacloudRoutes.DriverHeader, selection.Driver);
        }

        if (selectByHeaders && selection.Provider is not null)
        {
            flurlRequest.WithHeader(DeltacloudRoutes.ProviderHeader, selection.Provider);
        }

        using var content = request.Form is null ? null : new FormUrlEncodedContent(request.Form);
        try
        {
            using var response = await flurlRequest.SendAsync(request.Method, content, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
            var message = response.ResponseMessage;
            var body = await message.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode >= 400)
            {
                throw DeltacloudErrorMap.FromResponse(response.StatusCode, body, request.Method, request.Url);
            }

            return new DeltacloudResponse(
                response.StatusCode,
                body,
                message.Content.Headers.ContentType?.MediaType,
                ReadAllow(message));
        }
        catch (FlurlHttpException) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellationToken);
        }
        catch (FlurlHttpException ex)
        {
            throw DeltacloudErrorMap.FromTransport(ex, request.Method, request.Url);
        }
        catch (HttpRequestException ex)
        {
            throw new DeltacloudTransportException(ErrorText.Sentence($"{request.Method.Method} failed while reading the answer: {ex.Message}"), ex);
        }
    }

    public void Dispose() => _clients.Dispose();

    /// <summary>The URL to send, with the driver selection in it when the options ask for matrix parameters and it can be.</summary>
    private Url Target(DeltacloudRequest request, DeltacloudSelection selection, out bool selectByHeaders)
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

        var url = new Url(target);
        foreach (var (name, value) in query)
        {
            url.AppendQueryParam(name, value);
        }

        return url;
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
