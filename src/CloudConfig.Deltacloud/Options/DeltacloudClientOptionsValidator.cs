using Microsoft.Extensions.Options;

namespace CloudConfig.Deltacloud;

/// <summary>Collects every problem at once so a misconfiguration is fixed in one round.</summary>
internal sealed class DeltacloudClientOptionsValidator : IValidateOptions<DeltacloudClientOptions>
{
    public ValidateOptionsResult Validate(string? name, DeltacloudClientOptions options)
    {
        var failures = Collect(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static List<string> Collect(DeltacloudClientOptions options)
    {
        var failures = new List<string>();
        if (options.BaseUrl is null)
        {
            failures.Add("BaseUrl is required.");
        }
        else if (!options.BaseUrl.IsAbsoluteUri || (options.BaseUrl.Scheme != Uri.UriSchemeHttp && options.BaseUrl.Scheme != Uri.UriSchemeHttps))
        {
            failures.Add("BaseUrl must be an absolute http or https URL.");
        }

        if (string.IsNullOrEmpty(options.Username) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Username and Password must be set together.");
        }

        if (options.Driver is not null && string.IsNullOrWhiteSpace(options.Driver))
        {
            failures.Add("Driver must not be blank.");
        }

        if (options.Provider is not null && string.IsNullOrWhiteSpace(options.Provider))
        {
            failures.Add("Provider must not be blank.");
        }

        if (!Enum.IsDefined(options.DriverSelection))
        {
            failures.Add("DriverSelection must be Headers or MatrixParameters.");
        }

        if (!Enum.IsDefined(options.Format))
        {
            failures.Add("Format must be Xml or Json.");
        }

        if (options.RequestTimeout <= TimeSpan.Zero)
        {
            failures.Add("RequestTimeout must be positive.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add("MaxRetryAttempts must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero)
        {
            failures.Add("RetryBaseDelay must not be negative.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("RetryMaxDelay must not be shorter than RetryBaseDelay.");
        }

        if (options.MaxCreateAttempts is < 1 or > 5)
        {
            failures.Add("MaxCreateAttempts must be between 1 and 5.");
        }

        if (options.MaxUserDataBytes <= 0)
        {
            failures.Add("MaxUserDataBytes must be positive.");
        }

        if (options.WaitPollInitialDelay <= TimeSpan.Zero)
        {
            failures.Add("WaitPollInitialDelay must be positive.");
        }

        if (options.WaitPollMaxDelay < options.WaitPollInitialDelay)
        {
            failures.Add("WaitPollMaxDelay must not be shorter than WaitPollInitialDelay.");
        }

        return failures;
    }
}
