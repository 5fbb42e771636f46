namespace CloudConfig.Deltacloud;

/// <summary>The driver's instance state machine.</summary>
public interface IInstanceStatesClient
{
    /// <summary>Gets every state with its transitions.</summary>
    Task<IReadOnlyList<InstanceStateDefinition>> GetAsync(CancellationToken cancellationToken = default);
}
