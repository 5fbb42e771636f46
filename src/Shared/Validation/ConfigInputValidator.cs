// Shared source: compiled into each package that needs it (see the Compile items in its project), internal to
// each, so no package exposes it and none depends on another for it. Plain comments, not XML docs: one member in two
// packages' documentation files breaks tools that merge them (ASP.NET Core's OpenAPI comments fail on the duplicate).
namespace CloudConfig.Core;

// The input checks every cache runs before it changes anything, so every backend refuses the same inputs with
// the same typed errors.
internal static class ConfigInputValidator
{
    // The longest timeout remove_stale accepts: 100 years. Longer ones would put the cutoff before the
    // calendar's first day; nothing can be older than that anyway.
    public static readonly TimeSpan MaxStaleTimeout = TimeSpan.FromDays(36_500);

    // Checks a registration against the limits.
    // Throws InvalidConfigInputException: The first problem found, naming its field.
    public static void ValidateRegistration(ConfigRegistration registration, ConfigCacheLimits limits)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ArgumentNullException.ThrowIfNull(limits);
        ValidateUuid(registration.Uuid);
        ValidateConfiguration(registration.Configuration, limits);
        if (registration.CredentialHash is null)
        {
            throw new InvalidConfigInputException("credentialHash", "is required.");
        }

        ValidateName("domain", registration.Domain, limits, allowEmpty: true);
        if (registration.DynamicPool is not null)
        {
            ValidatePoolName(registration.DynamicPool, limits);
        }

        if (registration.ConfigHosts is null)
        {
            throw new InvalidConfigInputException("configHosts", "must not be null.");
        }

        if (registration.ConfigHosts.Count > limits.MaxConfigHosts)
        {
            throw new InvalidConfigInputException("configHosts", $"has {registration.ConfigHosts.Count} hosts, over the limit of {limits.MaxConfigHosts}.");
        }

        foreach (var host in registration.ConfigHosts)
        {
            ValidateName("configHosts", host, limits, allowEmpty: false);
        }
    }

    // Checks a uuid.
    public static void ValidateUuid(Guid uuid)
    {
        if (uuid == Guid.Empty)
        {
            throw new InvalidConfigInputException("uuid", "must not be the empty uuid.");
        }
    }

    // Checks a configuration against the size limit.
    public static void ValidateConfiguration(ConfigurationContent configuration, ConfigCacheLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (configuration is null)
        {
            throw new InvalidConfigInputException("configuration", "is required.");
        }

        if (configuration.Length > limits.MaxConfigurationBytes)
        {
            throw new ConfigurationTooLargeException(configuration.Length, limits.MaxConfigurationBytes);
        }

        ValidateName("contentType", configuration.ContentType, limits, allowEmpty: false);
    }

    // Checks the timeout of remove_stale: from zero to MaxStaleTimeout.
    // Throws InvalidConfigInputException: The timeout is negative or longer than MaxStaleTimeout.
    public static void ValidateStaleTimeout(TimeSpan timeout)
    {
        if (timeout < TimeSpan.Zero)
        {
            throw new InvalidConfigInputException("timeout", "must not be negative.");
        }

        if (timeout > MaxStaleTimeout)
        {
            throw new InvalidConfigInputException("timeout", "must not be longer than 36500 days (100 years).");
        }
    }

    // Checks a pool name.
    public static void ValidatePoolName(string pool, ConfigCacheLimits limits) =>
        ValidateName("dynamicPool", pool, limits, allowEmpty: false);

    // Checks an instance's report against the limits.
    public static void ValidateReport(InstanceReport report, ConfigCacheLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (report is null)
        {
            throw new InvalidConfigInputException("report", "is required.");
        }

        if (report.Status is null)
        {
            throw new InvalidConfigInputException("status", "is required.");
        }

        if (report.Status.Detail is { Length: var detailLength } && detailLength > limits.MaxStatusDetailLength)
        {
            throw new InvalidConfigInputException("status.detail", $"is {detailLength} characters, over the limit of {limits.MaxStatusDetailLength}.");
        }

        if (report.Status.AppliedGeneration is < 0)
        {
            throw new InvalidConfigInputException("status.appliedGeneration", "must not be negative.");
        }

        if (report.Address is not null)
        {
            ValidateName("address", report.Address, limits, allowEmpty: false);
        }

        ValidateParameters(report.Parameters, limits);
    }

    private static void ValidateParameters(IReadOnlyDictionary<string, ParameterValue> parameters, ConfigCacheLimits limits)
    {
        if (parameters is null)
        {
            throw new InvalidConfigInputException("parameters", "must not be null.");
        }

        if (parameters.Count > limits.MaxParameters)
        {
            throw new InvalidConfigInputException("parameters", $"has {parameters.Count} entries, over the limit of {limits.MaxParameters}.");
        }

        // A plain Dictionary is walked with its own enumerator: the interface's would be allocated on every report.
        if (parameters is Dictionary<string, ParameterValue> dictionary)
        {
            foreach (var (key, value) in dictionary)
            {
                ValidateParameter(key, value, limits);
            }
        }
        else
        {
            foreach (var (key, value) in parameters)
            {
                ValidateParameter(key, value, limits);
            }
        }
    }

    private static void ValidateParameter(string key, ParameterValue value, ConfigCacheLimits limits)
    {
        if (string.IsNullOrEmpty(key) || key.Length > limits.MaxParameterKeyLength)
        {
            throw new InvalidConfigInputException("parameters", $"keys must have 1 to {limits.MaxParameterKeyLength} characters.");
        }

        // A name with NUL or a line break would end a C string early or forge a line in a parameters file.
        foreach (var c in key)
        {
            if (char.IsControl(c))
            {
                throw new InvalidConfigInputException("parameters", "keys must not contain control characters.");
            }
        }

        if (!value.IsValid)
        {
            throw new InvalidConfigInputException($"parameters[{key}]", "must be a finite number.");
        }

        if (value.Kind == ParameterKind.String && value.AsString().Length > limits.MaxParameterValueLength)
        {
            throw new InvalidConfigInputException($"parameters[{key}]", $"is over the limit of {limits.MaxParameterValueLength} characters.");
        }
    }

    private static void ValidateName(string field, string? value, ConfigCacheLimits limits, bool allowEmpty)
    {
        if (value is null)
        {
            throw new InvalidConfigInputException(field, "must not be null.");
        }

        if (!allowEmpty && value.Length == 0)
        {
            throw new InvalidConfigInputException(field, "must not be empty.");
        }

        if (value.Length > limits.MaxNameLength)
        {
            throw new InvalidConfigInputException(field, $"is {value.Length} characters, over the limit of {limits.MaxNameLength}.");
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                throw new InvalidConfigInputException(field, "must not contain control characters.");
            }
        }
    }
}
