using System.Text;
using CloudConfig.Core;

namespace CloudConfig.Tool.Tests;

public sealed class RegisterTests
{
    private const string Script = "#!/bin/sh\necho configured > /tmp/done\n";

    [Fact]
    public async Task Register_PrintsOnlyTheBootStringOnStdout_AndItsSecretFetchesTheConfiguration()
    {
        await using var server = await ToolTestServer.StartAsync();
        using var files = new TempFiles();
        var file = files.Write("web.sh", Script);

        var run = await ToolRun.RunAsync(server.Environment, "register", file, "--rendezvous-address", server.RendezvousAddress, "--domain", "lab");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var line = Assert.Single(run.OutLines);
        var boot = BootString.Parse(line);
        Assert.Equal(server.RendezvousAddress, boot.Address.ToString());
        Assert.Null(boot.Fingerprint);
        // Printed once: the secret is nowhere else in what the tool wrote.
        Assert.Equal(1, CountOf(run.All, boot.Secret.Reveal()));
        Assert.Contains($"registered {boot.Uuid} in domain lab", run.Error, StringComparison.Ordinal);

        var entry = await server.Cache.GetAsync(boot.Uuid);
        Assert.Equal("lab", entry!.Domain);
        Assert.Equal("text/x-shellscript", entry.Configuration.ContentType);

        using var instance = server.CreateInstanceClient();
        var fetched = await instance.FetchAsync(boot.Uuid, InstanceCredential.FirstContact(boot.Secret, Secret.Generate()));
        Assert.Equal(Script, Encoding.UTF8.GetString(fetched.Configuration.Bytes.Span));
        Assert.Equal(1, fetched.Generation);
    }

    [Fact]
    public async Task Register_WithUuidContentTypeAndFingerprint_WritesThemIntoTheEntryAndTheBootString()
    {
        await using var server = await ToolTestServer.StartAsync();
        using var files = new TempFiles();
        var file = files.Write("site.pp", "class { 'nginx': }");
        var uuid = Guid.NewGuid();
        var fingerprint = new string('a', 64);

        var run = await ToolRun.RunAsync(server.Environment, "register", file, "--uuid", uuid.ToString(), "--content-type", "text/x-puppet-manifest",
            "--rendezvous-address", "[2001:db8::1]:8443", "--fingerprint", fingerprint);

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var boot = BootString.Parse(Assert.Single(run.OutLines));
        Assert.Equal(uuid, boot.Uuid);
        Assert.Equal("[2001:db8::1]:8443", boot.Address.ToString());
        Assert.Equal(fingerprint, boot.Fingerprint!.ToString());
        Assert.Equal("text/x-puppet-manifest", (await server.Cache.GetAsync(uuid))!.Configuration.ContentType);
    }

    [Fact]
    public async Task Register_AgainWithTheSameUuid_IsRefusedWithExitCode6()
    {
        await using var server = await ToolTestServer.StartAsync();
        using var files = new TempFiles();
        var file = files.Write("web.sh", Script);
        var (uuid, _) = await server.RegisterAsync();

        var run = await ToolRun.RunAsync(server.Environment, "register", file, "--uuid", uuid.ToString(), "--rendezvous-address", server.RendezvousAddress);

        Assert.Equal(ExitCodes.Refused, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal($"cloudconfig: refused: an entry {uuid} already exists.", run.Error.TrimEnd());
    }

    [Theory]
    [InlineData("--rendezvous-address", "", "register needs the address agents dial")]
    [InlineData("--rendezvous-address", "10.0.0.1:99999", "--rendezvous-address: ")]
    [InlineData("--fingerprint", "abc", "--fingerprint must be 64 hex digits")]
    public async Task Register_WithABadBootStringPart_ExitsWithUsageAndRegistersNothing(string option, string value, string expected)
    {
        await using var server = await ToolTestServer.StartAsync();
        using var files = new TempFiles();
        var file = files.Write("web.sh", Script);
        string[] args = option == "--fingerprint"
            ? ["register", file, "--rendezvous-address", server.RendezvousAddress, option, value]
            : ["register", file, option, value];

        var run = await ToolRun.RunAsync(server.Environment, args);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.Cache.Count);
    }

    [Fact]
    public async Task Register_AMissingFile_ExitsWithUsageNamingTheFile()
    {
        await using var server = await ToolTestServer.StartAsync();
        var missing = Path.Combine(Path.GetTempPath(), "no-such-config-" + Guid.NewGuid().ToString("N") + ".sh");

        var run = await ToolRun.RunAsync(server.Environment, "register", missing, "--rendezvous-address", server.RendezvousAddress);

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.StartsWith($"cloudconfig: cannot read the configuration file {missing}: ", run.Error, StringComparison.Ordinal);
        Assert.Equal(0, server.Cache.Count);
    }

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
