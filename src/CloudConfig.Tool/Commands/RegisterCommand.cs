using System.CommandLine;
using CloudConfig.Core;

namespace CloudConfig.Tool;

/// <summary>
/// <c>register &lt;file&gt;</c>: pre-registers the file as a new entry's configuration under a fresh boot secret and
/// prints the boot string, once, to standard output. The server keeps only the secret's hash, so that line is the
/// only copy there will ever be.
/// </summary>
internal static class RegisterCommand
{
    public static Command Create(GlobalOptions options, ToolConsole console)
    {
        var file = new Argument<string>("file") { Description = "The configuration (any file: a script, a cloud-config, a manifest)" };
        var contentType = new Option<string?>("--content-type") { Description = "Its media type [default: from the extension, e.g. .sh text/x-shellscript, else application/octet-stream]", HelpName = "type" };
        var domain = new Option<string?>("--domain") { Description = "The domain the entry belongs to", HelpName = "name" };
        var uuid = new Option<Guid?>("--uuid") { Description = "The entry's uuid [default: a new one]", HelpName = "uuid" };
        var address = new Option<string?>("--rendezvous-address") { Description = $"The address agents dial, written into the boot string: host, host:port or [ipv6]:port [env: {EnvironmentVariables.RendezvousAddress}]", HelpName = "host:port" };
        var fingerprint = new Option<string?>("--fingerprint") { Description = "The rendezvous server certificate's SHA-256 (64 hex digits), written into the boot string so the agent pins it", HelpName = "sha256" };
        var command = new Command("register", "Register a file as a new entry's configuration and print its boot string (once: only its hash is kept)");
        command.Arguments.Add(file);
        command.Options.Add(contentType);
        command.Options.Add(domain);
        command.Options.Add(uuid);
        command.Options.Add(address);
        command.Options.Add(fingerprint);
        CommandRunner.SetAction(command, options, console, async (parse, session, cancellationToken) =>
        {
            // Everything the boot string needs is checked before anything is registered.
            var rendezvous = ReadAddress(parse.GetValue(address) ?? console.GetEnvironmentVariable(EnvironmentVariables.RendezvousAddress));
            var pin = ReadFingerprint(parse.GetValue(fingerprint));
            var configuration = await ConfigurationFile.ReadAsync(parse.GetValue(file)!, parse.GetValue(contentType), cancellationToken).ConfigureAwait(false);
            var id = parse.GetValue(uuid) ?? Guid.NewGuid();
            if (id == Guid.Empty)
            {
                throw ToolFailureException.Usage("--uuid must not be the empty uuid.");
            }

            var secret = Secret.Generate();
            var registration = ConfigRegistration.ForBootSecret(id, configuration, secret) with { Domain = parse.GetValue(domain) ?? "" };
            var entry = await session.Registry.PreRegisterAsync(registration, cancellationToken).ConfigureAwait(false);
            await console.Out.WriteLineAsync(BootString.Create(entry.Uuid, rendezvous, secret, pin).Format()).ConfigureAwait(false);
            await console.Out.FlushAsync(cancellationToken).ConfigureAwait(false);
            var inDomain = entry.Domain.Length == 0 ? "" : $" in domain {DisplayText.Clean(entry.Domain)}";
            await console.Error.WriteLineAsync(
                $"cloudconfig: registered {entry.Uuid}{inDomain}: {DisplayText.Clean(configuration.ContentType)}, {configuration.Length} bytes. The boot string above is the only copy of its secret.").ConfigureAwait(false);
            return ExitCodes.Success;
        });
        return command;
    }

    private static RendezvousAddress ReadAddress(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw ToolFailureException.Usage($"register needs the address agents dial: pass --rendezvous-address host:port or set {EnvironmentVariables.RendezvousAddress}.");
        }

        try
        {
            return RendezvousAddress.Parse(text.Trim());
        }
        catch (BootStringFormatException e)
        {
            throw ToolFailureException.Usage($"--rendezvous-address: {e.Message}");
        }
    }

    private static CertificateFingerprint? ReadFingerprint(string? text) =>
        text is null ? null
        : CertificateFingerprint.TryParse(text, out var pin) ? pin
        : throw ToolFailureException.Usage("--fingerprint must be 64 hex digits (the SHA-256 of the server's certificate).");
}
