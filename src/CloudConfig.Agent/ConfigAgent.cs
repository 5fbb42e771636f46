using System.Diagnostics.Metrics;
using CloudConfig.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent;

/// <summary>
/// The instance agent. It keeps one flow per run: find the entry, fetch, apply, report, then long-poll for newer
/// generations. State is saved before every step whose answer could be lost, so a restart resumes rather than
/// repeats.
/// </summary>
internal sealed partial class ConfigAgent : IConfigAgent
{
    private readonly ConfigAgentOptions _options;
    private readonly IRendezvousConnector _connector;
    private readonly IConfigurationApplier _applier;
    private readonly BootStringLocator _locator;
    private readonly AgentStateStore _store;
    private readonly RetryBackoff _backoff;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly AgentTelemetry _telemetry;
    private readonly Dictionary<RendezvousEndpoint, IConfigRendezvous> _connections = [];
    private EndpointRotation _rotation = null!;
    private AgentState _state = null!;
    private Secret _trustKey = null!;
    private string? _address;

    public ConfigAgent(
        IOptions<ConfigAgentOptions> options,
        IRendezvousConnector connector,
        IConfigurationApplier applier,
        IEnumerable<IBootStringSource> sources,
        TimeProvider? timeProvider = null,
        ILogger<ConfigAgent>? logger = null,
        IMeterFactory? meterFactory = null)
        : this(options, connector, applier, sources, timeProvider, logger, CryptoRetryJitter.Instance, meterFactory)
    {
    }

    internal ConfigAgent(
        IOptions<ConfigAgentOptions> options,
        IRendezvousConnector connector,
        IConfigurationApplier applier,
        IEnumerable<IBootStringSource> sources,
        TimeProvider? timeProvider,
        ILogger<ConfigAgent>? logger,
        IRetryJitter jitter,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(applier);
        ArgumentNullException.ThrowIfNull(sources);
        var value = options.Value;
        var validation = new ConfigAgentOptionsValidator().Validate(Options.DefaultName, value);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Options.DefaultName, typeof(ConfigAgentOptions), validation.Failures);
        }

        _options = value;
        _connector = connector;
        _applier = applier;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger<ConfigAgent>.Instance;
        _locator = new BootStringLocator(sources, _logger);
        _store = new AgentStateStore(value.StateDirectory);
        _telemetry = new AgentTelemetry(meterFactory);
        _backoff = new RetryBackoff(value.InitialRetryDelay, value.MaxRetryDelay, value.RetryJitter, jitter);
    }

    private Guid Uuid => _state.Uuid ?? Guid.Empty;

    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        _address = _options.Address ?? InstanceAddressDetector.Detect();
        var found = await _locator.FindAsync(cancellationToken).ConfigureAwait(false);
        HideCredentials();
        if (found is null && !_options.IsDynamic && !_store.Exists)
        {
            throw new BootStringNotFoundException(_locator.SourcesTried);
        }

        // Held until the agent ends: one state directory, one agent, one configuration run at a time.
        using var stateLock = AgentLock.Acquire(_options.StateDirectory);
        await EndLeftoverRunAsync().ConfigureAwait(false);
        try
        {
            var configuration = await StartAsync(found?.BootString, cancellationToken).ConfigureAwait(false);
            Check(configuration, _state.AppliedGeneration ?? 1);
            await HandleAsync(configuration, cancellationToken).ConfigureAwait(false);
            if (_options.ExitAfterApply)
            {
                return;
            }

            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var known = _state.AppliedGeneration ?? 0;
                var update = await CallAsync(
                    "wait_for_update",
                    (rendezvous, ct) => rendezvous.WaitForUpdateAsync(Uuid, _trustKey, known, _options.UpdatePollTimeout, ct),
                    cancellationToken).ConfigureAwait(false);
                if (update is not null)
                {
                    Check(update, known + 1);
                    await HandleAsync(update, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (ConfigurationRefusedException refusal)
        {
            await ReportRefusalAsync(refusal, cancellationToken).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Establishes which entry this instance is, and fetches its current configuration.</summary>
    private async Task<InstanceConfiguration> StartAsync(BootString? found, CancellationToken cancellationToken)
    {
        var saved = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        if (saved is { Claimed: true, Uuid: { } savedUuid } && (found is null || found.Uuid == savedUuid))
        {
            // After a reboot: the boot secret is consumed, the trust key is what proves us now.
            Use(saved);
            Log.Resuming(_logger, savedUuid, saved.AppliedGeneration);
            return await CallAsync("fetch", (r, ct) => r.FetchAsync(savedUuid, InstanceCredential.Trusted(_trustKey), ct), cancellationToken).ConfigureAwait(false);
        }

        if (found is not null)
        {
            return await FirstContactAsync(saved, found, cancellationToken).ConfigureAwait(false);
        }

        if (_options.IsDynamic)
        {
            return await ClaimDynamicAsync(saved, cancellationToken).ConfigureAwait(false);
        }

        throw new BootStringNotFoundException(_locator.SourcesTried);
    }

    private async Task<InstanceConfiguration> FirstContactAsync(AgentState? saved, BootString bootString, CancellationToken cancellationToken)
    {
        var endpoint = RendezvousEndpoint.For(bootString.Address, bootString.Fingerprint, _options.AllowInsecureTransport);
        var retrying = saved is { Claimed: false } && saved.Uuid == bootString.Uuid;
        if (saved is not null && !retrying)
        {
            Log.StateOfAnotherEntry(_logger, saved.Uuid, bootString.Uuid);
        }

        // Saved BEFORE contact: if the answer is lost, the retry presents the same boot secret and trust key,
        // which the rendezvous point accepts as the same first contact.
        var state = retrying
            ? saved! with { Endpoint = endpoint.ToStored() }
            : new AgentState { Uuid = bootString.Uuid, TrustKey = Secret.Generate().Reveal(), Endpoint = endpoint.ToStored() };
        await SaveAsync(state, cancellationToken).ConfigureAwait(false);
        Use(state);
        Log.FirstContact(_logger, bootString.Uuid, endpoint, retrying);

        var credential = InstanceCredential.FirstContact(bootString.Secret, _trustKey);
        InstanceConfiguration configuration;
        try
        {
            configuration = await CallAsync("fetch", (r, ct) => r.FetchAsync(bootString.Uuid, credential, ct), cancellationToken).ConfigureAwait(false);
        }
        catch (ConfigurationRefusedException)
        {
            // The server accepted the credential (it answered), so the boot secret is spent: the trust key is ours now.
            await SaveAsync(_state with { Claimed = true }, cancellationToken).ConfigureAwait(false);
            throw;
        }

        await SaveAsync(_state with { Claimed = true, ConfigHosts = [.. configuration.ConfigHosts] }, cancellationToken).ConfigureAwait(false);
        return configuration;
    }

    private async Task<InstanceConfiguration> ClaimDynamicAsync(AgentState? saved, CancellationToken cancellationToken)
    {
        var address = RendezvousAddress.Parse(_options.DynamicRendezvousAddress!);
        var endpoint = RendezvousEndpoint.For(address, null, _options.AllowInsecureTransport);
        var pool = _options.DynamicPool!;
        var poolCredential = Secret.FromString(_options.DynamicPoolCredential!, nameof(_options.DynamicPoolCredential));
        var state = saved is { Claimed: false, Uuid: null }
            ? saved with { Endpoint = endpoint.ToStored() }
            : new AgentState { TrustKey = Secret.Generate().Reveal(), Endpoint = endpoint.ToStored() };
        await SaveAsync(state, cancellationToken).ConfigureAwait(false);
        Use(state);
        Log.ClaimingDynamic(_logger, pool, endpoint);

        var configuration = await CallAsync("assign_dynamic", (r, ct) => r.AssignDynamicAsync(pool, poolCredential, _trustKey, ct), cancellationToken).ConfigureAwait(false);
        if (configuration.Uuid == Guid.Empty)
        {
            throw new ConfigurationRefusedException("the assigned entry has the empty uuid.");
        }

        await SaveAsync(_state with { Uuid = configuration.Uuid, Claimed = true, ConfigHosts = [.. configuration.ConfigHosts] }, cancellationToken).ConfigureAwait(false);
        Log.Assigned(_logger, configuration.Uuid, pool);
        return configuration;
    }

    private void Use(AgentState state)
    {
        _state = state;
        _trustKey = Secret.FromString(state.TrustKey, "trustKey");
        _rotation = new EndpointRotation(state.Endpoint.ToEndpoint());
        _rotation.AddConfigHosts(state.ConfigHosts, ToConfigHostEndpoint);
    }

    private async Task SaveAsync(AgentState state, CancellationToken cancellationToken)
    {
        await _store.SaveAsync(state, cancellationToken).ConfigureAwait(false);
        _state = state;
        _rotation?.AddConfigHosts(state.ConfigHosts, ToConfigHostEndpoint);
    }

    // Config hosts carry no fingerprint of their own, so they are verified by the usual TLS chain instead.
    private RendezvousEndpoint ToConfigHostEndpoint(RendezvousAddress address) =>
        RendezvousEndpoint.For(address, null, _options.AllowInsecureTransport);
}
