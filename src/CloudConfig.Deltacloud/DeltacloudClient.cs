using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud;

internal sealed class DeltacloudClient : IDeltacloudClient, IDisposable
{
    private readonly DeltacloudContext _context;
    private readonly bool _ownsTransport;

    public DeltacloudClient(HttpClientSource httpClients, DeltacloudClientOptions options, TimeProvider timeProvider, ILogger logger)
        : this(new DeltacloudContext(new DeltacloudTransport(httpClients, options, timeProvider, logger), new DeltacloudSelection(options.Driver, options.Provider), logger), ownsTransport: true)
    {
    }

    private DeltacloudClient(DeltacloudContext context, bool ownsTransport)
    {
        _context = context;
        _ownsTransport = ownsTransport;
        Instances = new InstancesClient(context);
        Images = new ImagesClient(context);
        Realms = new RealmsClient(context);
        HardwareProfiles = new HardwareProfilesClient(context);
        Keys = new KeysClient(context);
        InstanceStates = new InstanceStatesClient(context);
        Drivers = new DriversClient(context);
    }

    public IInstancesClient Instances { get; }

    public IImagesClient Images { get; }

    public IRealmsClient Realms { get; }

    public IHardwareProfilesClient HardwareProfiles { get; }

    public IKeysClient Keys { get; }

    public IInstanceStatesClient InstanceStates { get; }

    public IDriversClient Drivers { get; }

    public Task<DeltacloudEntryPoint> GetEntryPointAsync(CancellationToken cancellationToken = default) =>
        _context.GetEntryPointAsync(cancellationToken);

    public async Task<bool> ValidateCredentialsAsync(CancellationToken cancellationToken = default)
    {
        var request = new DeltacloudRequest(HttpMethod.Get, _context.EntryPointUrl) { Query = [new(DeltacloudRoutes.ForceAuth, "1")] };
        try
        {
            await _context.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DeltacloudAuthenticationException)
        {
            return false;
        }
    }

    public IDeltacloudClient ForDriver(string driver, string? provider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(driver);
        return new DeltacloudClient(new DeltacloudContext(_context.Transport, new DeltacloudSelection(driver, provider), _context.Logger), ownsTransport: false);
    }

    public async Task<IReadOnlyList<string>> GetAllowedMethodsAsync(string? collectionRel = null, CancellationToken cancellationToken = default)
    {
        var url = collectionRel is null ? _context.EntryPointUrl : await _context.CollectionUrlAsync(collectionRel, cancellationToken).ConfigureAwait(false);
        var response = await _context.SendAsync(new DeltacloudRequest(HttpMethod.Options, url), cancellationToken).ConfigureAwait(false);
        return response.Allow
            .SelectMany(a => a.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .ToList();
    }

    public async Task<bool> IsCollectionAvailableAsync(string collectionRel, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(collectionRel);
        var entryPoint = await GetEntryPointAsync(cancellationToken).ConfigureAwait(false);
        if (entryPoint.FindCollection(collectionRel) is not { } collection)
        {
            return false;
        }

        try
        {
            await _context.SendAsync(new DeltacloudRequest(HttpMethod.Head, collection.Href), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DeltacloudNotFoundException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (_ownsTransport)
        {
            _context.Transport.Dispose();
        }
    }
}
