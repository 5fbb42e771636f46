using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Protocol;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace CloudConfig.Rendezvous.Client;

/// <summary>
/// What the agent on an instance uses to reach its rendezvous server: fetch, report, wait for updates, claim a
/// dynamic entry. Plain <see cref="HttpClient"/> and source-generated JSON, so it is trim- and NativeAOT-safe.
/// Transient failures are retried with jittered exponential backoff; refusals (400, 401, 403, 404, 409, 413) never.
/// Every answer is read with a limit (<see cref="RendezvousInstanceClientOptions.MaxResponseBytes"/>), redirects are
/// never followed, and a credential that cannot travel in a header fails before anything is sent.
/// </summary>
public sealed partial class RendezvousInstanceClient : IConfigRendezvous, IDisposable
{
    private static readonly TimeSpan MinimumPollInterval = TimeSpan.FromSeconds(1);

    // Servers cut polls shorter than this anyway; it keeps each attempt's timeout finite.
    private static readonly TimeSpan MaximumPoll = TimeSpan.FromMinutes(5);
    private readonly HttpClient _http;
    private readonly RendezvousInstanceClientOptions _options;
    private readonly ResiliencePipeline<HttpResponseMessage> _idempotent;
    private readonly ResiliencePipeline<HttpResponseMessage> _nonIdempotent;
    private readonly ILogger _logger;

    /// <summary>Creates a client for one rendezvous server.</summary>
    /// <param name="baseAddress">The server's base URL, for example <c>https://10.0.0.5:8443/</c>.</param>
    /// <param name="options">Timeouts, retries and the optional certificate pin; defaults when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public RendezvousInstanceClient(Uri baseAddress, RendezvousInstanceClientOptions? options = null, ILogger<RendezvousInstanceClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        _options = options ?? new RendezvousInstanceClientOptions();
        var validation = new RendezvousInstanceClientOptionsValidator().Validate(Options.DefaultName, _options);
        var problems = validation.Failed ? [.. validation.Failures] : new List<string>();
        if (!baseAddress.IsAbsoluteUri || baseAddress.Scheme is not ("http" or "https"))
        {
            problems.Add("The base address must be an absolute http or https URL.");
        }

        if (problems.Count > 0)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RendezvousInstanceClientOptions), problems);
        }

        _logger = logger ?? NullLogger<RendezvousInstanceClient>.Instance;
        _http = new HttpClient(RendezvousHandlers.Create(_options.PinnedCertificate, _options.RequestTimeout))
        {
            BaseAddress = baseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _idempotent = RetryPipelines.Create(_options.MaxRetryAttempts, _options.RetryBaseDelay, _options.MaxRetryDelay, idempotent: true, LogRetry);
        _nonIdempotent = RetryPipelines.Create(_options.MaxRetryAttempts, _options.RetryBaseDelay, _options.MaxRetryDelay, idempotent: false, LogRetry);
    }

    /// <summary>The server's base URL.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    /// <inheritdoc />
    public async Task<InstanceConfiguration> FetchAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(credential);
        var authorization = credential.BootSecret is { } boot
            ? CredentialHeader.Build(RendezvousHeaders.BootScheme, ("bootSecret", boot), ("trustKey", credential.TrustKey))
            : Trust(credential.TrustKey);
        // Safe to retry even on first contact: the same boot secret with the same trust key is accepted again.
        using var response = await SendAsync("fetch", uuid, HttpMethod.Get, RendezvousRoutes.InstanceConfigurationFor(uuid), authorization, null, idempotent: true, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return await ReadConfigurationAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task UpdateCacheAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trustKey);
        ArgumentNullException.ThrowIfNull(report);
        CheckSendable(report);
        var body = JsonContent.Create(ReportMessage.From(report), RendezvousJsonContext.Default.ReportMessage);
        using var response = await SendAsync("update_cache", uuid, HttpMethod.Put, RendezvousRoutes.InstanceReportFor(uuid), Trust(trustKey), body, idempotent: true, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<InstanceConfiguration?> WaitForUpdateAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(trustKey);
        if (timeout < TimeSpan.Zero)
        {
            throw new InvalidConfigInputException("timeout", "must not be negative.");
        }

        var deadline = TimeProvider.System.GetTimestamp() + (long)Math.Min(timeout.TotalSeconds * TimeProvider.System.TimestampFrequency, long.MaxValue / 2);
        while (true)
        {
            // The server bounds every poll; the client keeps polling until its own deadline.
            var remaining = TimeSpan.FromSeconds(Math.Max(0, deadline - TimeProvider.System.GetTimestamp()) / (double)TimeProvider.System.TimestampFrequency);
            var wait = remaining < MaximumPoll ? remaining : MaximumPoll;
            var path = $"{RendezvousRoutes.InstanceConfigurationUpdatesFor(uuid)}?after={knownGeneration}&timeoutMs={(long)wait.TotalMilliseconds}";
            var polled = TimeProvider.System.GetTimestamp();
            using (var response = await SendAsync("wait_for_update", uuid, HttpMethod.Get, path, Trust(trustKey), null, idempotent: true, wait, cancellationToken).ConfigureAwait(false))
            {
                if (response.StatusCode != HttpStatusCode.NoContent)
                {
                    return await ReadConfigurationAsync(response, cancellationToken).ConfigureAwait(false);
                }
            }

            if (TimeProvider.System.GetTimestamp() >= deadline)
            {
                return null;
            }

            // A server that holds polls for (almost) no time must not turn this loop into a flood.
            var pause = MinimumPollInterval - TimeProvider.System.GetElapsedTime(polled);
            var left = TimeProvider.System.GetElapsedTime(TimeProvider.System.GetTimestamp(), deadline);
            if (pause > TimeSpan.Zero && left > TimeSpan.Zero)
            {
                await Task.Delay(pause < left ? pause : left, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<InstanceConfiguration> AssignDynamicAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(pool);
        ArgumentNullException.ThrowIfNull(poolCredential);
        ArgumentNullException.ThrowIfNull(trustKey);
        var authorization = CredentialHeader.Build(RendezvousHeaders.PoolScheme, ("poolCredential", poolCredential), ("trustKey", trustKey));
        using var response = await SendAsync("assign_dynamic", null, HttpMethod.Post, RendezvousRoutes.PoolAssignmentsFor(pool), authorization, null, idempotent: false, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        return await ReadConfigurationAsync(response, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();

    /// <summary>Refuses before sending what JSON cannot carry (NaN and infinities), with the same error a cache gives.</summary>
    internal static void CheckSendable(InstanceReport report)
    {
        if (report.Status is null)
        {
            throw new InvalidConfigInputException("status", "is required.");
        }

        if (report.Parameters is null)
        {
            throw new InvalidConfigInputException("parameters", "must not be null.");
        }

        foreach (var (key, value) in report.Parameters)
        {
            if (!value.IsValid)
            {
                throw new InvalidConfigInputException($"parameters[{key}]", "must be a finite number.");
            }
        }
    }

    private static string Trust(Secret trustKey) => CredentialHeader.Build(RendezvousHeaders.TrustScheme, ("trustKey", trustKey));

    private static async Task<InstanceConfiguration> ReadConfigurationAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        // Checked, not echoed: the header is the server's text, and a proxy's error page is the usual culprit.
        if (response.Content.Headers.ContentType?.MediaType != RendezvousHeaders.JsonMediaType)
        {
            throw new ConfigCacheUnavailableException($"The rendezvous server answered {(int)response.StatusCode} with a body that is not {RendezvousHeaders.JsonMediaType}.");
        }

        try
        {
            var message = await response.Content.ReadFromJsonAsync(RendezvousJsonContext.Default.InstanceConfigurationMessage, cancellationToken).ConfigureAwait(false);
            return message?.ToInstanceConfiguration() ?? throw new ConfigCacheUnavailableException("The rendezvous server sent an empty configuration.");
        }
        catch (JsonException e)
        {
            throw new ConfigCacheUnavailableException("The rendezvous server sent a malformed configuration.", e);
        }
    }
}
