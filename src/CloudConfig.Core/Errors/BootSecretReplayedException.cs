namespace CloudConfig.Core;

/// <summary>
/// A boot secret already consumed by a first contact, presented again with another trust key: the boot string
/// has probably leaked. It is a <see cref="ConfigEntryNotFoundException"/> with the same message, so it is answered
/// exactly like every other refusal (a rendezvous server sends the same 404, byte for byte); its own type only
/// lets the process that holds the cache raise the alarm without reading the entry again (which would take longer
/// for an existing uuid than for an unknown one, and so tell them apart).
/// </summary>
public sealed class BootSecretReplayedException : ConfigEntryNotFoundException
{
    /// <summary>Creates the exception; its message is <see cref="ConfigEntryNotFoundException.StandardMessage"/>.</summary>
    public BootSecretReplayedException()
    {
    }
}
