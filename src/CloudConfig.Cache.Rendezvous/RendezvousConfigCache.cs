using System.Runtime.CompilerServices;
using CloudConfig.Core;
using CloudConfig.Rendezvous.Client;
using CloudConfig.Rendezvous.Protocol;
using Flurl.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace CloudConfig.Cache.Rendezvous;

/// <summary>
/// A remote rendezvous server used exactly like a local <see cref="IConfigCache"/>: the app's calls go over
/// Flurl with the API key; the instance-side calls go through a <see cref="RendezvousInstanceClient"/>.
/// Network failures that outlast the retries surface as <see cref="ConfigCacheUnavailableException"/>.
/// </summary>
public sealed partial class RendezvousConfigCache : IConfigCache, IDisposable
{
    private readonly FlurlClient _flurl;
    private readonly RendezvousInstanceClient _instance;
    private readonly RendezvousConfigCacheOptions _options;
    private readonly ResiliencePipeline _idempotent;
    private readonly ResiliencePipeline _nonIdempotent;
    private readonly ILogger _logger;

    /// <summary>Creates the cache.</summary>
    /// <exception cref="OptionsValidationException">The options are invalid; the message lists every problem.</exception>
    public RendezvousConfigCache(IOptions<RendezvousConfigCacheOptions> options, ILogger<RendezvousConfigCache>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        var validation = new RendezvousConfigCacheOptionsValidator().Validate(Options.DefaultName, _options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(RendezvousConfigCacheOptions), validation.Failures);
        }

        _logger = logger ?? NullLogger<RendezvousConfigCache>.Instance;
        var http = new HttpClient(RendezvousHandlers.Create(_options.PinnedCertificate, _options.RequestTimeout)) { Timeout = Timeout.InfiniteTimeSpan };
        _flurl = new FlurlClient(http, _options.BaseAddress!.AbsoluteUri);
        _flurl.Settings.JsonSerializer = new SourceGeneratedJsonSerializer();
        _flurl.Settings.Timeout = _options.RequestTimeout;
        _flurl.WithHeader(RendezvousHeaders.Authorization, $"{RendezvousHeaders.BearerScheme} {_options.ApiKey}");
        _instance = new RendezvousInstanceClient(_options.BaseAddress, new RendezvousInstanceClientOptions
        {
            PinnedCertificate = _options.PinnedCertificate,
            RequestTimeout = _options.RequestTimeout,
            MaxRetryAttempts = _options.MaxRetryAttempts,
            RetryBaseDelay = _options.RetryBaseDelay,
            MaxRetryDelay = _options.MaxRetryDelay,
        });
        _idempotent = FlurlRetry.Create(_options, idempotent: true, LogRetry);
        _nonIdempotent = FlurlRetry.Create(_options, idempotent: false, LogRetry);
    }

    /// <inheritdoc />
    public Task<ConfigEntry> PreRegisterAsync(ConfigRegistration registration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var message = RegistrationMessage.From(registration);
        return CallAsync("pre_register", registration.Uuid, idempotent: false, async token =>
        {
            var response = await _flurl.Request(RendezvousRoutes.Entries).PostJsonAsync(message, cancellationToken: token).ConfigureAwait(false);
            return (await response.GetJsonAsync<EntryMessage>().ConfigureAwait(false)).ToEntry();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ConfigEntry?> GetAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        try
        {
            return await CallAsync("get", uuid, idempotent: true, async token =>
            {
                var message = await _flurl.Request(RendezvousRoutes.EntryFor(uuid)).GetJsonAsync<EntryMessage>(cancellationToken: token).ConfigureAwait(false);
                return message.ToEntry();
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigEntryNotFoundException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public Task<ConfigEntry> UpdateConfigurationAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var message = new UpdateConfigurationMessage { Configuration = configuration };
        // Not idempotent: a blind retry would bump the generation twice.
        return CallAsync("update_configuration", uuid, idempotent: false, async token =>
        {
            var response = await _flurl.Request(RendezvousRoutes.EntryConfigurationFor(uuid)).PutJsonAsync(message, cancellationToken: token).ConfigureAwait(false);
            return (await response.GetJsonAsync<EntryMessage>().ConfigureAwait(false)).ToEntry();
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> RemoveAsync(Guid uuid, CancellationToken cancellationToken = default)
    {
        try
        {
            return await CallAsync("remove", uuid, idempotent: true, async token =>
            {
                await _flurl.Request(RendezvousRoutes.EntryFor(uuid)).DeleteAsync(cancellationToken: token).ConfigureAwait(false);
                return true;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigEntryNotFoundException)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public Task<int> RemoveStaleAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ConfigInputValidator.ValidateStaleTimeout(timeout);
        var message = new RemoveStaleMessage { TimeoutMilliseconds = (long)timeout.TotalMilliseconds };
        return CallAsync("remove_stale", null, idempotent: true, async token =>
        {
            var response = await _flurl.Request(RendezvousRoutes.RemoveStale).PostJsonAsync(message, cancellationToken: token).ConfigureAwait(false);
            return (await response.GetJsonAsync<RemoveStaleResultMessage>().ConfigureAwait(false)).Removed;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<ConfigEntry> ListAsync(ConfigEntryQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? cursor = null;
        do
        {
            var after = cursor;
            var page = await CallAsync("list", null, idempotent: true, token =>
            {
                var request = _flurl.Request(RendezvousRoutes.Entries)
                    .SetQueryParam("limit", _options.PageSize)
                    .SetQueryParam("after", after)
                    .SetQueryParam("domain", query?.Domain)
                    .SetQueryParam("pool", query?.DynamicPool);
                return request.GetJsonAsync<EntryPageMessage>(cancellationToken: token);
            }, cancellationToken).ConfigureAwait(false);
            foreach (var item in page.Items)
            {
                yield return item.ToEntry();
            }

            cursor = page.Next;
        }
        while (cursor is not null);
    }

    /// <inheritdoc />
    public Task<InstanceConfiguration> FetchAsync(Guid uuid, InstanceCredential credential, CancellationToken cancellationToken = default) =>
        _instance.FetchAsync(uuid, credential, cancellationToken);

    /// <inheritdoc />
    public Task UpdateCacheAsync(Guid uuid, Secret trustKey, InstanceReport report, CancellationToken cancellationToken = default) =>
        _instance.UpdateCacheAsync(uuid, trustKey, report, cancellationToken);

    /// <inheritdoc />
    public Task<InstanceConfiguration?> WaitForUpdateAsync(Guid uuid, Secret trustKey, long knownGeneration, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        _instance.WaitForUpdateAsync(uuid, trustKey, knownGeneration, timeout, cancellationToken);

    /// <inheritdoc />
    public Task<InstanceConfiguration> AssignDynamicAsync(string pool, Secret poolCredential, Secret trustKey, CancellationToken cancellationToken = default) =>
        _instance.AssignDynamicAsync(pool, poolCredential, trustKey, cancellationToken);

    /// <summary>What the server's readiness route answers; one request, never retried. For the health check.</summary>
    /// <exception cref="HttpRequestException">The server could not be reached.</exception>
    internal async Task<System.Net.HttpStatusCode> GetReadinessAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _flurl.Request(RendezvousRoutes.HealthReady).AllowAnyHttpStatus().GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return (System.Net.HttpStatusCode)response.StatusCode;
        }
        catch (FlurlHttpException e) when (e is not FlurlHttpTimeoutException || !cancellationToken.IsCancellationRequested)
        {
            throw new HttpRequestException(e.Message, e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _flurl.Dispose();
        _instance.Dispose();
    }
}
