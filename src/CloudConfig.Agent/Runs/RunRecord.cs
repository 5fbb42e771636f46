namespace CloudConfig.Agent;

/// <summary>
/// A configuration run as recorded in the state directory while it runs. It is written before the command starts
/// (with its run id, which the command's environment carries too) and again once the command has a pid, so a run is
/// never untraceable, even when the agent dies between the two writes.
/// </summary>
/// <param name="RunId">A fresh id; the command's environment carries it as <c>CLOUDCONFIG_RUN_ID</c>.</param>
/// <param name="Generation">The generation being applied.</param>
/// <param name="Pid">The command's pid: it leads its own session and process group, so this is their id too.</param>
/// <param name="StartTicks">The command's start time from /proc (clock ticks since boot): a reused pid has another.</param>
internal sealed record RunRecord(string RunId, long Generation, int? Pid = null, ulong? StartTicks = null)
{
    /// <summary>The command's process group, which is its own: the command is started in a new session.</summary>
    public int? ProcessGroup => Pid;
}
