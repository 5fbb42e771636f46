namespace CloudConfig.Deltacloud;

/// <summary>A successful answer, read fully.</summary>
internal sealed record DeltacloudResponse(int StatusCode, string Body, string? ContentType, IReadOnlyList<string> Allow);
