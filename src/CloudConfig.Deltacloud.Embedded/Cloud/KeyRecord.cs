namespace CloudConfig.Deltacloud.Embedded;

internal sealed record KeyRecord(string Name, string Fingerprint, string Pem);
