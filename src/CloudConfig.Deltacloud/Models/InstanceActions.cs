namespace CloudConfig.Deltacloud;

/// <summary>The action link relations an instance can list.</summary>
public static class InstanceActions
{
    /// <summary>Start a stopped instance.</summary>
    public const string Start = "start";

    /// <summary>Stop a running instance.</summary>
    public const string Stop = "stop";

    /// <summary>Reboot a running instance.</summary>
    public const string Reboot = "reboot";

    /// <summary>Destroy the instance.</summary>
    public const string Destroy = "destroy";
}
