using System.Globalization;

namespace CloudConfig.Core;

/// <summary>
/// The tiny string an app passes to a new instance as user data, telling the instance's agent which entry is
/// its own, where the rendezvous server is, and the single-use secret that proves it.
/// </summary>
/// <remarks>
/// <para>Two forms are read:</para>
/// <list type="bullet">
/// <item><description>the 2010 seed's <c>uuid:address:secret</c> (version 0), which must keep parsing as it is;</description></item>
/// <item><description><c>v1:uuid:address:secret[;fp=fingerprint]</c>, which can carry the server certificate's SHA-256 fingerprint.</description></item>
/// </list>
/// <para>The address is <c>host</c>, <c>host:port</c>, <c>[ipv6]</c> or <c>[ipv6]:port</c>. Neither the uuid nor the
/// secret can contain a colon, so the uuid ends at the first colon and the secret starts after the last one.
/// Writing a parsed boot string gives back the same text. The version marker lets the format grow: a reader
/// refuses a version it does not know rather than guessing.</para>
/// </remarks>
public sealed class BootString
{
    /// <summary>The newest version this library writes.</summary>
    public const int CurrentVersion = 1;

    private const string FingerprintKey = "fp=";

    private BootString(int version, Guid uuid, RendezvousAddress address, Secret secret, CertificateFingerprint? fingerprint)
    {
        Version = version;
        Uuid = uuid;
        Address = address;
        Secret = secret;
        Fingerprint = fingerprint;
    }

    /// <summary>The format version: 0 for the seed's plain form, 1 for the marked form.</summary>
    public int Version { get; }

    /// <summary>The entry's id.</summary>
    public Guid Uuid { get; }

    /// <summary>The rendezvous server's address.</summary>
    public RendezvousAddress Address { get; }

    /// <summary>The single-use boot secret.</summary>
    public Secret Secret { get; }

    /// <summary>The rendezvous server certificate's fingerprint, when the agent should pin it.</summary>
    public CertificateFingerprint? Fingerprint { get; }

    /// <summary>Creates a boot string in the current version.</summary>
    public static BootString Create(Guid uuid, RendezvousAddress address, Secret secret, CertificateFingerprint? fingerprint = null)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(secret);
        ConfigInputValidator.ValidateUuid(uuid);
        CheckSecret(secret.Reveal());
        return new BootString(CurrentVersion, uuid, address, secret, fingerprint);
    }

    /// <summary>Reads a boot string.</summary>
    /// <exception cref="BootStringFormatException">The text is not a boot string; the message names the part.</exception>
    public static BootString Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var rest = text.AsSpan();
        var version = ReadVersion(ref rest);
        CertificateFingerprint? fingerprint = null;
        var semicolon = rest.IndexOf(';');
        if (semicolon >= 0)
        {
            if (version == 0)
            {
                throw new BootStringFormatException("structure", "options after ';' need the 'v1:' version marker.");
            }

            fingerprint = ReadOptions(rest[(semicolon + 1)..]);
            rest = rest[..semicolon];
        }

        var firstColon = rest.IndexOf(':');
        var lastColon = rest.LastIndexOf(':');
        if (firstColon < 0 || lastColon == firstColon)
        {
            throw new BootStringFormatException("structure", "expected uuid:address:secret.");
        }

        var uuid = ReadUuid(rest[..firstColon]);
        var address = RendezvousAddress.ParseInBootString(rest[(firstColon + 1)..lastColon].ToString());
        var secretText = rest[(lastColon + 1)..].ToString();
        CheckSecret(secretText);
        return new BootString(version, uuid, address, Secret.FromString(secretText), fingerprint);
    }

    /// <summary>Tries to read a boot string.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out BootString? bootString)
    {
        bootString = null;
        if (text is null)
        {
            return false;
        }

        try
        {
            bootString = Parse(text);
            return true;
        }
        catch (BootStringFormatException)
        {
            return false;
        }
    }

    /// <summary>
    /// The boot string with its secret in clear: this is what goes into user data. Use <see cref="ToString"/> for
    /// anything that might be shown or logged.
    /// </summary>
    public string Format()
    {
        var body = $"{Uuid:D}:{Address}:{Secret.Reveal()}";
        if (Version == 0)
        {
            return body;
        }

        var prefix = "v" + Version.ToString(CultureInfo.InvariantCulture) + ":";
        return Fingerprint is null ? prefix + body : $"{prefix}{body};{FingerprintKey}{Fingerprint}";
    }

    /// <summary>The boot string with its secret masked, safe to log.</summary>
    public override string ToString() => $"{(Version == 0 ? "" : $"v{Version}:")}{Uuid:D}:{Address}:[secret]";

    private static int ReadVersion(ref ReadOnlySpan<char> rest)
    {
        if (rest.Length < 3 || rest[0] != 'v' || !char.IsAsciiDigit(rest[1]))
        {
            return 0;
        }

        var colon = rest.IndexOf(':');
        if (colon < 0 || !int.TryParse(rest[1..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            throw new BootStringFormatException("version", "a version marker is 'v' and a number followed by ':'.");
        }

        if (version != CurrentVersion)
        {
            throw new BootStringFormatException("version", $"version {version} is not supported; this reader knows 0 and {CurrentVersion}.");
        }

        rest = rest[(colon + 1)..];
        return version;
    }

    private static CertificateFingerprint ReadOptions(ReadOnlySpan<char> options)
    {
        if (!options.StartsWith(FingerprintKey, StringComparison.Ordinal) || options.Contains(';'))
        {
            throw new BootStringFormatException("structure", "the only option a v1 boot string carries is a single 'fp='.");
        }

        return CertificateFingerprint.Parse(options[FingerprintKey.Length..].ToString());
    }

    private static Guid ReadUuid(ReadOnlySpan<char> text)
    {
        // Only the 36-character hyphenated form: it is what we write, so it is what must read back identically.
        if (text.Length != 36 || !Guid.TryParseExact(text, "D", out var uuid))
        {
            throw new BootStringFormatException("uuid", "must be a uuid in the form 8-4-4-4-12 hexadecimal digits.");
        }

        if (uuid == Guid.Empty)
        {
            throw new BootStringFormatException("uuid", "must not be the empty uuid.");
        }

        foreach (var c in text)
        {
            if (char.IsAsciiLetterUpper(c))
            {
                throw new BootStringFormatException("uuid", "must be written in lowercase.");
            }
        }

        return uuid;
    }

    private static void CheckSecret(string secret)
    {
        if (secret.Length == 0)
        {
            throw new BootStringFormatException("secret", "is empty.");
        }

        foreach (var c in secret)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is ':' or ';')
            {
                throw new BootStringFormatException("secret", "must not contain white space, control characters, ':' or ';'.");
            }
        }
    }
}
