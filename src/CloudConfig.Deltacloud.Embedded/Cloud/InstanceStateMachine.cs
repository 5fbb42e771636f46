namespace CloudConfig.Deltacloud.Embedded;

// The mock driver's state machine as GET /api/instance_states prints it.
internal static class InstanceStateMachine
{
    public static bool Allows(EmbeddedInstanceState state, InstanceAction action) => (state, action) switch
    {
        (EmbeddedInstanceState.Running, InstanceAction.Reboot or InstanceAction.Stop) => true,
        (EmbeddedInstanceState.Stopped, InstanceAction.Start or InstanceAction.Destroy) => true,
        _ => false,
    };

    public static EmbeddedInstanceState Target(InstanceAction action) =>
        action == InstanceAction.Stop ? EmbeddedInstanceState.Stopped : EmbeddedInstanceState.Running;

    public static IEnumerable<InstanceAction> ActionsFor(EmbeddedInstanceState state) => state switch
    {
        EmbeddedInstanceState.Running => [InstanceAction.Reboot, InstanceAction.Stop],
        EmbeddedInstanceState.Stopped => [InstanceAction.Start, InstanceAction.Destroy],
        _ => [],
    };

    public static string Wire(EmbeddedInstanceState state) => state switch
    {
        EmbeddedInstanceState.Pending => "PENDING",
        EmbeddedInstanceState.Running => "RUNNING",
        _ => "STOPPED",
    };

    public static string Wire(InstanceAction action) => action switch
    {
        InstanceAction.Start => "start",
        InstanceAction.Stop => "stop",
        InstanceAction.Reboot => "reboot",
        _ => "destroy",
    };

    // (state, [(to, action or null for auto)]) for GET /api/instance_states.
    public static readonly (string State, (string To, string? Action)[] Transitions)[] Diagram =
    [
        ("start", [("pending", "create")]),
        ("pending", [("running", null)]),
        ("running", [("running", "reboot"), ("stopped", "stop")]),
        ("stopped", [("running", "start"), ("finish", "destroy")]),
        ("finish", []),
    ];
}
