using Microsoft.Extensions.Options;

namespace CloudConfig.Deltacloud;

/// <summary>Checks <see cref="DeltacloudLauncherOptions"/> and reports every problem at once.</summary>
internal sealed class DeltacloudLauncherOptionsValidator : IValidateOptions<DeltacloudLauncherOptions>
{
    public ValidateOptionsResult Validate(string? name, DeltacloudLauncherOptions options) =>
        options.StopTimeout <= TimeSpan.Zero
            ? ValidateOptionsResult.Fail($"StopTimeout must be positive (was {options.StopTimeout}).")
            : ValidateOptionsResult.Success;
}
