namespace CloudConfig.Deltacloud;

/// <summary>Where the Deltacloud server is, how to authenticate, and how patient and persistent the client is.</summary>
public sealed class DeltacloudClientOptions
{
    /// <summary>The entry point URL, for example <c>http://host:3001/api</c>. Collection URLs are discovered from it.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>The cloud provider's user name, sent with HTTP Basic authentication.</summary>
    public string? Username { get; set; }

    /// <summary>The cloud provider's password or secret key. Never logged.</summary>
    public string? Password { get; set; }

    /// <summary>The driver to select; <see langword="null"/> uses the server's default.</summary>
    public string? Driver { get; set; }

    /// <summary>The provider to select, for example an EC2 region.</summary>
    public string? Provider { get; set; }

    /// <summary>How <see cref="Driver"/> and <see cref="Provider"/> are sent: headers (the default) or matrix parameters.</summary>
    public DeltacloudDriverSelection DriverSelection { get; set; } = DeltacloudDriverSelection.Headers;

    /// <summary>The representation to ask for.</summary>
    public DeltacloudFormat Format { get; set; } = DeltacloudFormat.Xml;

    /// <summary>How long one HTTP attempt may take. A shorter <see cref="HttpClient.Timeout"/> configured on the named client wins.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Retries after the first attempt of a safe request (GETs; instance actions only once a read shows they did not take effect). 0 disables retries.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first retry delay; later ones grow exponentially, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay between two retries.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How many times a create may be sent in total; a new attempt is made only after a lookup by name found nothing.</summary>
    public int MaxCreateAttempts { get; set; } = 2;

    /// <summary>The largest user data accepted, in bytes before base64 encoding. Defaults to EC2's 16 KB.</summary>
    public int MaxUserDataBytes { get; set; } = 16 * 1024;

    /// <summary>The first delay between two polls while waiting for an instance state.</summary>
    public TimeSpan WaitPollInitialDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest delay between two polls while waiting for an instance state.</summary>
    public TimeSpan WaitPollMaxDelay { get; set; } = TimeSpan.FromSeconds(15);
}
