namespace CloudConfig.Deltacloud;

/// <summary>The <c>keys</c> collection.</summary>
public interface IKeysClient
{
    /// <summary>Lists keys.</summary>
    Task<IReadOnlyList<Key>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Gets one key; <see cref="DeltacloudNotFoundException"/> when it does not exist.</summary>
    Task<Key> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Creates a key pair; the answer holds the private key. A duplicate name gets <see cref="DeltacloudForbiddenException"/>.</summary>
    Task<Key> CreateAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Deletes a key by id.</summary>
    Task DeleteAsync(string id, CancellationToken cancellationToken = default);
}
