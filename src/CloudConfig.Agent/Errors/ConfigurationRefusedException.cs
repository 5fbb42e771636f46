namespace CloudConfig.Agent;

/// <summary>
/// The agent refused what the rendezvous point sent, because no valid server could have sent it: a configuration for
/// another entry, a generation below 1 or older than the one already applied, or an answer over the size limit.
/// Nothing was applied; where possible the refusal was reported to the rendezvous point as a failed status.
/// </summary>
public class ConfigurationRefusedException : ConfigAgentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="reason">Why, in a few words (no secret: it only names uuids, generations and sizes).</param>
    /// <param name="generation">The generation the refusal is about, when it is a valid one to report against.</param>
    /// <param name="innerException">The transport's error, when it found the problem.</param>
    public ConfigurationRefusedException(string reason, long? generation = null, Exception? innerException = null)
        : base($"Refused what the rendezvous point sent: {reason} Nothing was applied.", innerException)
    {
        Reason = reason;
        Generation = generation;
    }

    /// <summary>Why the configuration was refused.</summary>
    public string Reason { get; }

    /// <summary>The generation the refusal is about, when it is a valid one to report against.</summary>
    public long? Generation { get; }
}
