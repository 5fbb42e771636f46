namespace CloudConfig.Core;

/// <summary>
/// No entry matches the given uuid and credential: the entry does not exist, or the credential is wrong, or a
/// consumed boot secret was replayed. One type and one message for all of these, on purpose, so that a caller
/// probing uuids or secrets cannot tell them apart.
/// </summary>
public class ConfigEntryNotFoundException : ConfigCacheException
{
    /// <summary>The one message every such refusal carries.</summary>
    public const string StandardMessage = "No entry matches that id and credential.";

    /// <summary>Creates the exception; its message is always <see cref="StandardMessage"/>.</summary>
    public ConfigEntryNotFoundException()
        : base(StandardMessage)
    {
    }

    /// <summary>Creates the exception with a cause; its message is always <see cref="StandardMessage"/>.</summary>
    public ConfigEntryNotFoundException(Exception? innerException)
        : base(StandardMessage, innerException)
    {
    }
}
