namespace CloudConfig.Deltacloud.Embedded;

internal enum ActionResult
{
    Done,
    UnknownInstance,
    NotAllowed,
}
