namespace CloudConfig.Deltacloud;

/// <summary>The driver and provider a client view sends with every request.</summary>
internal sealed record DeltacloudSelection(string? Driver, string? Provider);
