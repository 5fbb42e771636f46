using Microsoft.Extensions.Options;

namespace CloudConfig.Core;

/// <summary>Checks <see cref="ProvisioningOptions"/> and reports every problem at once.</summary>
internal sealed class ProvisioningOptionsValidator : IValidateOptions<ProvisioningOptions>
{
    public ValidateOptionsResult Validate(string? name, ProvisioningOptions options)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(options.RendezvousAddress))
        {
            problems.Add("RendezvousAddress is required: it is where booted instances find the cache.");
        }
        else
        {
            try
            {
                RendezvousAddress.Parse(options.RendezvousAddress);
            }
            catch (RendezvousAddressFormatException e)
            {
                problems.Add($"RendezvousAddress: {e.Message}");
            }
        }

        if (options.CertificateFingerprint is not null && !CertificateFingerprint.TryParse(options.CertificateFingerprint, out _))
        {
            problems.Add("CertificateFingerprint must be 64 lowercase hexadecimal digits.");
        }

        if (options.StatusPollInterval <= TimeSpan.Zero)
        {
            problems.Add($"StatusPollInterval must be positive (was {options.StatusPollInterval}).");
        }

        if (options.MaxParallelism < 1)
        {
            problems.Add($"MaxParallelism must be at least 1 (was {options.MaxParallelism}).");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
