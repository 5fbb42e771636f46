using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;

namespace CloudConfig.Deltacloud;

/// <summary>Create, and the reconciliation that keeps a lost answer from starting a second machine.</summary>
internal sealed partial class InstancesClient
{
    public async Task<Instance> CreateAsync(CreateInstanceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.InstanceCount > 1)
        {
            throw new ArgumentException("More than one instance needs CreateManyAsync.", nameof(request));
        }

        return (await CreateManyAsync(request, cancellationToken).ConfigureAwait(false))[0];
    }

    public async Task<IReadOnlyList<Instance>> CreateManyAsync(CreateInstanceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.ImageId);
        var url = await context.CollectionUrlAsync(DeltacloudRoutes.Instances, cancellationToken).ConfigureAwait(false);
        return await CreateAtAsync(url, request, cancellationToken).ConfigureAwait(false);
    }

    public async Task<Instance> CreateAsync(Image image, CreateInstanceRequest? request = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(image);
        request ??= new CreateInstanceRequest(image.Id);
        if (!string.Equals(request.ImageId, image.Id, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The request names image '{request.ImageId}', not '{image.Id}'.", nameof(request));
        }

        if (request.InstanceCount > 1)
        {
            throw new ArgumentException("More than one instance needs CreateManyAsync.", nameof(request));
        }

        var link = image.Actions.FirstOrDefault(a => a.Rel == DeltacloudRoutes.CreateInstanceRel) ?? throw new DeltacloudActionNotAvailableException(
            $"Image {image.Id} does not list '{DeltacloudRoutes.CreateInstanceRel}'; it lists: {(image.Actions.Count == 0 ? "nothing" : string.Join(", ", image.Actions.Select(a => a.Rel)))}.");

        // The link carries the image as a matrix parameter, which the server does not read as image_id: the form says it too.
        return (await CreateAtAsync(link.Href, request, cancellationToken).ConfigureAwait(false))[0];
    }

    private async Task<IReadOnlyList<Instance>> CreateAtAsync(string url, CreateInstanceRequest request, CancellationToken cancellationToken)
    {
        var form = BuildForm(request, context.Options.MaxUserDataBytes);
        var post = new DeltacloudRequest(HttpMethod.Post, url) { Form = form, Retry = false };
        var delay = context.Options.RetryBaseDelay;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var response = await context.SendAsync(post, cancellationToken).ConfigureAwait(false);
                var created = context.Parse(response, post, static (p, b) => p.ParseInstances(b));
                return created.Count > 0 ? created : throw DeltacloudErrorMap.Unreadable(post.Method, post.Url, "the create answer holds no instance.");
            }
            catch (DeltacloudException ex) when (DeltacloudErrorMap.MayHaveTakenEffect(ex))
            {
                if (request.Name is null)
                {
                    _logger.CreateNotReconcilable(ex.GetType().Name);
                    throw;
                }

                _logger.CreateFailedReconciling(request.Name, ex.GetType().Name);
                var existing = await FindByNameAsync(request.Name, ex, cancellationToken).ConfigureAwait(false);
                if (existing.Count > 0)
                {
                    _logger.CreateReconciled(request.Name, existing[0].Id);
                    return existing;
                }

                if (!ex.IsTransient || attempt >= context.Options.MaxCreateAttempts)
                {
                    throw;
                }
            }

            await Task.Delay(delay, context.TimeProvider, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, context.Options.RetryMaxDelay.Ticks));
        }
    }

    private async Task<List<Instance>> FindByNameAsync(string name, DeltacloudException createFailure, CancellationToken cancellationToken)
    {
        try
        {
            var all = await ListAsync(null, cancellationToken).ConfigureAwait(false);
            return all.Where(i => string.Equals(i.Name, name, StringComparison.Ordinal)).ToList();
        }
        catch (DeltacloudException lookupFailure)
        {
            // Without the lookup nobody knows whether the machine exists; report the create's failure, not a second guess.
            throw new DeltacloudTransportException(
                $"Creating instance '{name}' failed ({createFailure.Message}) and the lookup by name failed too ({lookupFailure.GetType().Name}); the instance may exist.",
                createFailure);
        }
    }

    internal static List<KeyValuePair<string, string>> BuildForm(CreateInstanceRequest request, int maxUserDataBytes)
    {
        var p = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                p.Add(new(name, value));
            }
        }

        Add(DeltacloudRoutes.InstanceParams.ImageId, request.ImageId);
        Add(DeltacloudRoutes.InstanceParams.RealmId, request.RealmId);
        Add(DeltacloudRoutes.InstanceParams.HardwareProfileId, request.HardwareProfileId);
        Add(DeltacloudRoutes.InstanceParams.Memory, request.Memory);
        Add(DeltacloudRoutes.InstanceParams.Cpu, request.Cpu);
        Add(DeltacloudRoutes.InstanceParams.Storage, request.Storage);
        Add(DeltacloudRoutes.InstanceParams.Architecture, request.Architecture);
        Add(DeltacloudRoutes.InstanceParams.Name, request.Name);
        Add(DeltacloudRoutes.InstanceParams.KeyName, request.KeyName);
        if (request.UserData is not null)
        {
            var raw = Encoding.UTF8.GetBytes(request.UserData);
            if (raw.Length > maxUserDataBytes)
            {
                // The size only: the content is a secret.
                throw new DeltacloudUserDataTooLargeException(
                    string.Create(CultureInfo.InvariantCulture, $"The user data is {raw.Length} bytes; the limit is {maxUserDataBytes} bytes before encoding."));
            }

            Add(DeltacloudRoutes.InstanceParams.UserData, Convert.ToBase64String(raw));
        }

        Add(DeltacloudRoutes.InstanceParams.Password, request.Password);
        for (var i = 0; i < request.Firewalls.Count; i++)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"{DeltacloudRoutes.InstanceParams.FirewallPrefix}{i + 1}"), request.Firewalls[i]);
        }

        Add(DeltacloudRoutes.InstanceParams.InstanceCount, request.InstanceCount?.ToString(CultureInfo.InvariantCulture));
        Add(DeltacloudRoutes.InstanceParams.LoadBalancerId, request.LoadBalancerId);
        Add(DeltacloudRoutes.InstanceParams.UserFiles, request.UserFiles);
        Add(DeltacloudRoutes.InstanceParams.UserIso, request.UserIso);
        return p;
    }
}
