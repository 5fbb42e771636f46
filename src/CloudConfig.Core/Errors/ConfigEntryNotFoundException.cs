namespace CloudConfig.Core;

/// <summary>
/// No entry matches the given uuid and credential: the entry does not exist, or the credential is wrong, or a
/// consumed boot secret was replayed. One message for all of these, on purpose, so that a caller probing uuids or
/// secrets cannot tell them apart; an unknown uuid and a wrong credential also share this exact type. Only a replay,
/// which takes knowing the secret, is thrown as the subtype <see cref="BootSecretReplayedException"/>, for the
/// alarm of the process holding the cache.
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
