namespace CloudConfig.Deltacloud.Embedded;

/// <summary>A boot or stop hook that threw: the client never sees it (as with a real cloud), the test can.</summary>
/// <param name="Hook">Which hook.</param>
/// <param name="InstanceId">The instance it ran for.</param>
/// <param name="Exception">What it threw.</param>
public sealed record EmbeddedHookFailure(EmbeddedHook Hook, string InstanceId, Exception Exception);
