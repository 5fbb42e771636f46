namespace CloudConfig.Tool;

/// <summary>What <c>entries watch</c> waits for, and how often it looks.</summary>
internal sealed record WatchSettings(TimeSpan Interval, bool ExitOnFailure, bool UntilConfigured, TimeSpan? Timeout);
