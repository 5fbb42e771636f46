namespace CloudConfig.Deltacloud.Embedded;

internal enum InstanceAction
{
    Start,
    Stop,
    Reboot,
    Destroy,
}
