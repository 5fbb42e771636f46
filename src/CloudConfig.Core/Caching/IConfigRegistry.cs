namespace CloudConfig.Core;

/// <summary>
/// The app's side of a config cache: register configurations, read what instances reported, push updates,
/// and clean up. Only the app (never an instance) may hold this.
/// </summary>
public interface IConfigRegistry
{
    /// <summary>
    /// Registers a configuration under a new uuid (<c>pre_register</c>).
    /// </summary>
    /// <returns>The new entry.</returns>
    /// <exception cref="ConfigEntryAlreadyExistsException">The uuid is taken; nothing changed.</exception>
    /// <exception cref="InvalidConfigInputException">The registration is invalid; nothing changed.</exception>
    /// <exception cref="ConfigurationTooLargeException">The configuration is over the cache's limit; nothing changed.</exception>
    /// <exception cref="ConfigCacheFullException">The cache holds as many entries as it may.</exception>
    Task<ConfigEntry> PreRegisterAsync(ConfigRegistration registration, CancellationToken cancellationToken = default);

    /// <summary>Reads an entry, or <see langword="null"/> when there is none.</summary>
    Task<ConfigEntry?> GetAsync(Guid uuid, CancellationToken cancellationToken = default);

    /// <summary>
    /// Replaces an entry's configuration and bumps its generation by one, so a running agent picks it up.
    /// </summary>
    /// <returns>The updated entry.</returns>
    /// <exception cref="ConfigEntryNotFoundException">There is no such entry.</exception>
    Task<ConfigEntry> UpdateConfigurationAsync(Guid uuid, ConfigurationContent configuration, CancellationToken cancellationToken = default);

    /// <summary>Removes an entry (<c>remove</c>).</summary>
    /// <returns>Whether there was an entry to remove.</returns>
    Task<bool> RemoveAsync(Guid uuid, CancellationToken cancellationToken = default);

    /// <summary>Removes every entry not heard from within <paramref name="timeout"/> (<c>remove_stale</c>).</summary>
    /// <returns>The number of entries removed.</returns>
    Task<int> RemoveStaleAsync(TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Lists entries, optionally filtered.</summary>
    IAsyncEnumerable<ConfigEntry> ListAsync(ConfigEntryQuery? query = null, CancellationToken cancellationToken = default);
}
