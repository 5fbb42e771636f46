using System.Net;
using System.Reflection;
using CloudConfig.Cache.Nats.Tests.RendezvousOnNats;
using CloudConfig.Core;
using CloudConfig.Testing.Nats;
using CloudConfig.Testing.Processes;

namespace CloudConfig.Cache.Nats.Tests.Samples;

/// <summary><c>samples/RendezvousServer --nats</c>, run as the separate OS process it is; it owns its NATS server, because it stops it.</summary>
[Collection(NatsCollection.Name)]
public sealed class RendezvousServerSampleTests
{
    private static readonly string Assembly = typeof(RendezvousServerSampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RendezvousServerAssembly").Value!;

    [Fact]
    public async Task Run_OnNats_IsReadyWhileNatsAnswersNotWhileItIsStoppedAndAgainOnceItIsBack()
    {
        Assert.True(File.Exists(Assembly), $"The sample was not built at {Assembly}.");
        await using var nats = await NatsServer.StartAsync();
        var prefix = NatsServerFixture.NewPrefix();
        var environment = DotnetHost.ChildEnvironment(new Dictionary<string, string> { ["CLOUDCONFIG_API_KEY"] = Secret.Generate().Reveal() });
        foreach (var name in (string[])["CLOUDCONFIG_REDIS", "CLOUDCONFIG_NATS", "CLOUDCONFIG_NATS_USER", "CLOUDCONFIG_NATS_PASSWORD", "CLOUDCONFIG_CERTIFICATE"])
        {
            environment[name] = null;
        }

        using var server = ChildProcess.Start(
            DotnetHost.Executable, [Assembly, "--nats", nats.Url, "--nats-bucket-prefix", prefix, "http://127.0.0.1:0"], environment, Path.GetDirectoryName(Assembly)!);
        await Eventually.TrueAsync(() => server.HasExited || server.Out.Contains("Cache: ", StringComparison.Ordinal), "the sample says where it listens and on what");
        Assert.False(server.HasExited, server.All);
        using var http = new HttpClient { BaseAddress = new Uri(Line(server.Out, "Listening on ")) };

        await ReadinessProbe.WaitForAsync(http, HttpStatusCode.OK);
        nats.Kill();
        await ReadinessProbe.WaitForAsync(http, HttpStatusCode.ServiceUnavailable);
        // Readiness ran the NATS check: the health checks log each failing check by name.
        await Eventually.TrueAsync(() => server.Out.Contains("nats-config-cache", StringComparison.Ordinal), "the NATS check's failure is in the log");
        await nats.RestartAsync();
        await ReadinessProbe.WaitForAsync(http, HttpStatusCode.OK);

        Assert.Equal($"NATS JetStream (bucket prefix '{prefix}')", Line(server.Out, "Cache: "));
    }

    private static string Line(string output, string prefix) =>
        output.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
}
