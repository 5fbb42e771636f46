namespace CloudConfig.Deltacloud.Embedded;

// The action links of an instance in the order the mock prints them: the state's actions, run, then create_image.
internal static class InstanceLinks
{
    public static IEnumerable<(string Href, string Method, string Rel)> For(Links links, EmbeddedInstance instance)
    {
        foreach (var action in InstanceStateMachine.ActionsFor(instance.State))
        {
            var rel = InstanceStateMachine.Wire(action);
            yield return action == InstanceAction.Destroy
                ? (links.Instance(instance.Id), "delete", rel)
                : (links.InstanceAction(instance.Id, rel), "post", rel);
        }

        yield return (links.InstanceRun(instance.Id), "post", "run");
        if (CanCreateImage(instance))
        {
            yield return (links.CreateImage(instance.Id), "post", "create_image");
        }
    }

    public static bool CanCreateImage(EmbeddedInstance instance) =>
        instance.CanCreateImage && instance.State != EmbeddedInstanceState.Pending;
}
