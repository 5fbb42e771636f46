using System.Text;
using System.Text.Json;
using CloudConfig.Core;

namespace CloudConfig.Tool.Tests;

public sealed class PackAndInstallTests
{
    private static readonly TimeSpan BuildDeadline = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan RunDeadline = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task PackedTool_InstallsFromAFolderFeed_AndItsCommandsRunAgainstAServer()
    {
        using var work = new TempFiles();
        var source = Path.Combine(work.Folder, "repo");
        var feed = Path.Combine(work.Folder, "feed");
        var tools = Path.Combine(work.Folder, "tools");
        // A version no feed has ever seen, so that the package installed can only be the one packed here.
        var version = "0.0.0-test" + Guid.NewGuid().ToString("N")[..12];
        var environment = DotnetHost.ChildEnvironment();
        RepositoryCopy.Create("src/CloudConfig.Tool/CloudConfig.Tool.csproj", source);

        try
        {
            var pack = await ChildProcess.RunAsync(DotnetHost.Executable,
                ["pack", "src/CloudConfig.Tool/CloudConfig.Tool.csproj", "-c", "Release", "-o", feed, $"-p:Version={version}", "--disable-build-servers", "-nodeReuse:false"],
                environment, source, BuildDeadline);
            Assert.True(pack.ExitCode == 0, "dotnet pack failed:\n" + pack.All);
            Assert.True(File.Exists(Path.Combine(feed, $"cloudconfig.{version}.nupkg")), "no package in the feed:\n" + pack.All);

            var install = await ChildProcess.RunAsync(DotnetHost.Executable,
                ["tool", "install", "cloudconfig", "--tool-path", tools, "--add-source", feed, "--version", version, "--ignore-failed-sources"],
                environment, work.Folder, BuildDeadline);
            Assert.True(install.ExitCode == 0, "dotnet tool install failed:\n" + install.All);
            var executable = Path.Combine(tools, "cloudconfig");
            Assert.True(File.Exists(executable), "the tool path has no cloudconfig:\n" + install.All);

            await using var server = await ToolTestServer.StartAsync();
            var (registered, _) = await server.RegisterAsync(domain: "lab");
            var toolEnvironment = DotnetHost.ChildEnvironment(server.Environment);

            var versionRun = await ChildProcess.RunAsync(executable, ["--version"], toolEnvironment, work.Folder, RunDeadline);
            Assert.StartsWith(version, versionRun.Out.Trim(), StringComparison.Ordinal);

            var list = await ChildProcess.RunAsync(executable, ["entries", "list", "--json"], toolEnvironment, work.Folder, RunDeadline);
            Assert.True(list.ExitCode == 0, "entries list failed:\n" + list.All);
            using (var json = JsonDocument.Parse(list.Out))
            {
                var entry = Assert.Single(json.RootElement.EnumerateArray());
                Assert.Equal(registered, entry.GetProperty("uuid").GetGuid());
                Assert.Equal("lab", entry.GetProperty("domain").GetString());
            }

            var file = work.Write("db.sh", "#!/bin/sh\necho db\n");
            var register = await ChildProcess.RunAsync(executable, ["register", file, "--rendezvous-address", server.RendezvousAddress], toolEnvironment, work.Folder, RunDeadline);
            Assert.True(register.ExitCode == 0, "register failed:\n" + register.All);
            var boot = BootString.Parse(register.Out.Trim());
            using var instance = server.CreateInstanceClient();
            var fetched = await instance.FetchAsync(boot.Uuid, InstanceCredential.FirstContact(boot.Secret, Secret.Generate()));
            Assert.Equal("#!/bin/sh\necho db\n", Encoding.UTF8.GetString(fetched.Configuration.Bytes.Span));
            // Redirected output is plain: no escape sequences from the real process either.
            Assert.DoesNotContain('\u001b', list.All + register.All);
            Assert.DoesNotContain(ToolTestServer.ApiKey, list.All + register.All + versionRun.All, StringComparison.Ordinal);
        }
        finally
        {
            PackageCache.Remove("cloudconfig", version);
        }
    }
}
