namespace CloudConfig.Deltacloud;

/// <summary>What an instance read after a failed action says about that action, for the four documented actions.</summary>
internal static class ActionOutcome
{
    /// <summary>The states each action leads to, straight or through a transition (instance_states of Deltacloud 1.1).</summary>
    private static readonly Dictionary<string, DeltacloudInstanceState[]> EffectStates = new(StringComparer.Ordinal)
    {
        [InstanceActions.Start] = [DeltacloudInstanceState.Pending, DeltacloudInstanceState.Running],
        [InstanceActions.Stop] = [DeltacloudInstanceState.Stopping, DeltacloudInstanceState.Stopped, DeltacloudInstanceState.Finish],
        [InstanceActions.Reboot] = [DeltacloudInstanceState.Pending, DeltacloudInstanceState.Running],
        [InstanceActions.Destroy] = [DeltacloudInstanceState.Stopping, DeltacloudInstanceState.Finish],
    };

    public enum Verdict
    {
        /// <summary>The read proves the action took effect (or, for a lost answer, is consistent with it): do not resend.</summary>
        TookEffect,

        /// <summary>The instance still offers the action from a state it does not lead to: resending is safe.</summary>
        NotApplied,

        /// <summary>Nothing can be concluded safely: report the failure, do not resend.</summary>
        Unknown,
    }

    public static bool IsKnown(string action) => EffectStates.ContainsKey(action);

    /// <param name="action">One of the four documented actions.</param>
    /// <param name="instance">The instance as read after the failure; <see langword="null"/> when it no longer exists.</param>
    /// <param name="failure">What the action's request got.</param>
    public static Verdict Judge(string action, Instance? instance, DeltacloudException failure)
    {
        if (instance is null)
        {
            return action == InstanceActions.Destroy ? Verdict.TookEffect : Verdict.Unknown;
        }

        if (EffectStates[action].Contains(instance.State))
        {
            // A reboot leaves the instance RUNNING, as it was before: the state cannot tell a done reboot from a failed
            // one. After a lost answer it is taken as delivered; after an error answer the server's word stands.
            return action != InstanceActions.Reboot || IsLostAnswer(failure) ? Verdict.TookEffect : Verdict.Unknown;
        }

        return instance.CanPerform(action) ? Verdict.NotApplied : Verdict.Unknown;
    }

    private static bool IsLostAnswer(DeltacloudException failure) => failure is DeltacloudTimeoutException or DeltacloudTransportException;
}
