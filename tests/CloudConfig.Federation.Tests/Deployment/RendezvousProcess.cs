using System.Diagnostics;
using System.Reflection;
using CloudConfig.Cache.Nats;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Federation.Tests;

/// <summary>
/// A cloud's rendezvous server: <c>samples/RendezvousServer</c> as the process it is, inside the cloud's site
/// namespace, over the site's hub as a cloud site of the federation, serving https with the site's certificate.
/// </summary>
internal static class RendezvousProcess
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(60);

    private static readonly string Assembly = typeof(RendezvousProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RendezvousServerAssembly").Value!;

    public static async Task<RunningChild> StartAsync(NetworkNamespace site, int hubClientPort, NatsUserCredential user, SiteCertificate certificate, string listenUrl)
    {
        var environment = DotnetHost.ChildEnvironment(new Dictionary<string, string>
        {
            ["CLOUDCONFIG_API_KEY"] = Core.Secret.Generate().Reveal(),
            ["CLOUDCONFIG_NATS_USER"] = user.User,
            ["CLOUDCONFIG_NATS_PASSWORD"] = user.Password,
            ["CLOUDCONFIG_CERTIFICATE"] = certificate.Pkcs12File,
        });
        environment["CLOUDCONFIG_REDIS"] = null;
        var server = ChildProcess.Start(
            "ip",
            ["netns", "exec", site.Name, DotnetHost.Executable, Assembly,
             "--nats", $"nats://127.0.0.1:{hubClientPort}", "--nats-on-premises-domain", FederatedDeployment.OnPremisesDomain, listenUrl],
            environment,
            Path.GetDirectoryName(Assembly)!);
        var started = Stopwatch.GetTimestamp();
        while (!server.Out.Contains("Listening on", StringComparison.Ordinal))
        {
            if (server.HasExited || Stopwatch.GetElapsedTime(started) > StartDeadline)
            {
                var output = server.All;
                server.Dispose();
                throw new InvalidOperationException($"The rendezvous server in {site} did not start. Its output:\n{output}");
            }

            await Task.Delay(50);
        }

        return server;
    }
}
