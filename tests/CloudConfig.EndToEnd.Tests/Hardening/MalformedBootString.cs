using System.Text;

namespace CloudConfig.EndToEnd.Tests;

/// <summary>
/// One malformed boot string and the exit code it must give, on the command line (<c>--boot-string</c>: bad argument,
/// 2) and in <c>CLOUDCONFIG_BOOT</c> (the source has no boot string, so none is found: 3). Strings that parse but
/// whose secret can never travel in an HTTP header give 6 either way, before any connection. Every string carries
/// <see cref="Marker"/> where its secret would be, which must appear in no output line.
/// </summary>
internal sealed record MalformedBootString(string Name, Func<string, string> Text, int CommandLineExit = 2, int EnvironmentExit = 3)
{
    public const string Marker = "Qz8sEcReTmArKeR";

    public const int Unsendable = 6;

    private const string Uuid = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private const string Fingerprint = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    public override string ToString() => Name;

    /// <summary>The rows; each text is built from the address of a listener that must never be contacted.</summary>
    public static IReadOnlyList<MalformedBootString> All { get; } =
    [
        new("empty", _ => ""),
        new("white space only", _ => "   \t  "),
        new("prose", _ => "please configure me " + Marker),
        new("the secret alone", _ => Marker + "abcdefghijklmnopqrstuvwxyz"),
        new("uuid and secret without an address", _ => $"{Uuid}:{Marker}"),
        new("empty address", _ => $"{Uuid}::{Marker}"),
        new("empty uuid part", a => $":{a}:{Marker}"),
        new("empty secret", a => $"{Uuid}:{a}:"),
        new("uppercase uuid", a => $"{Uuid.ToUpperInvariant()}:{a}:{Marker}"),
        new("the empty uuid", a => $"00000000-0000-0000-0000-000000000000:{a}:{Marker}"),
        new("uuid without hyphens", a => $"{Uuid.Replace("-", "", StringComparison.Ordinal)}:{a}:{Marker}"),
        new("uuid in braces", a => $"{{{Uuid}}}:{a}:{Marker}"),
        new("port over 65535", _ => $"{Uuid}:127.0.0.1:99999:{Marker}"),
        new("port 0", _ => $"{Uuid}:127.0.0.1:0:{Marker}"),
        new("port with a leading zero", _ => $"{Uuid}:127.0.0.1:08443:{Marker}"),
        new("IPv6 without brackets", _ => $"{Uuid}:2001:db8::1:{Marker}"),
        new("unclosed IPv6 bracket", _ => $"{Uuid}:[2001:db8::1:{Marker}"),
        new("brackets around a name", _ => $"{Uuid}:[rendezvous.example]:{Marker}"),
        new("junk after the IPv6 bracket", _ => $"{Uuid}:[::1]x:{Marker}"),
        new("space in the host", _ => $"{Uuid}:rendez vous.example:{Marker}"),
        new("version 2", a => $"v2:{Uuid}:{a}:{Marker}"),
        new("version number overflowing", a => $"v99999999999:{Uuid}:{a}:{Marker}"),
        new("options without a version", a => $"{Uuid}:{a}:{Marker};fp={Fingerprint}"),
        new("fingerprint that is not hexadecimal", a => $"v1:{Uuid}:{a}:{Marker};fp=not-a-fingerprint"),
        new("uppercase fingerprint", a => $"v1:{Uuid}:{a}:{Marker};fp={Fingerprint.ToUpperInvariant()}"),
        new("unknown option", a => $"v1:{Uuid}:{a}:{Marker};pin={Fingerprint}"),
        new("two fingerprints", a => $"v1:{Uuid}:{a}:{Marker};fp={Fingerprint};fp={Fingerprint}"),
        new("space inside the secret", a => $"{Uuid}:{a}:{Marker} tail"),
        new("control character in the secret", a => $"{Uuid}:{a}:{Marker}\u0001tail"),
        new("DEL in the secret", a => $"{Uuid}:{a}:{Marker}\u007f"),
        new("two boot strings on two lines", a => $"{Uuid}:{a}:{Marker}\n{Uuid}:{a}:{Marker}"),
        new("cloudconfig marker line only", _ => "#cloudconfig\n" + Marker),
        new("base64 of prose", _ => Convert.ToBase64String(Encoding.UTF8.GetBytes("not a boot string " + Marker))),
        new("100,000 characters", _ => Marker + new string('A', 100_000)),

        // They parse, but the secret cannot be sent: refused before any connection, never retried.
        new("non-ASCII letter in the secret", a => $"{Uuid}:{a}:s\u00e9cret{Marker}", Unsendable, Unsendable),
        new("zero-width space in the secret", a => $"{Uuid}:{a}:{Marker}\u200bx", Unsendable, Unsendable),
        new("emoji in the secret", a => $"{Uuid}:{a}:{Marker}\U0001F600", Unsendable, Unsendable),
        new("fullwidth colon in the secret", a => $"{Uuid}:{a}:{Marker}\uff1ax", Unsendable, Unsendable),
        new("secret of 2,000 characters", a => $"{Uuid}:{a}:{Marker}{new string('k', 2000)}", Unsendable, Unsendable),
        new("base64 of a boot string with a non-ASCII secret", a => Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uuid}:{a}:\u00fc{Marker}")), EnvironmentExit: Unsendable),
    ];
}
