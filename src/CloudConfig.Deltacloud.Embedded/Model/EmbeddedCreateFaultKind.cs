namespace CloudConfig.Deltacloud.Embedded;

/// <summary>What an injected fault does to one <c>POST /api/instances</c>.</summary>
public enum EmbeddedCreateFaultKind
{
    /// <summary>The create proceeds normally.</summary>
    None,

    /// <summary>The create fails with an error status before any instance exists.</summary>
    Fail,

    /// <summary>The instance is created, then the response is held back (to outlast a client timeout).</summary>
    RespondLate,
}
