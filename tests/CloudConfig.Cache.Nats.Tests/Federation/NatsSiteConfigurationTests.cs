namespace CloudConfig.Cache.Nats.Tests.Federation;

/// <summary>The generated nats-server configurations; the federation tests run real servers on them.</summary>
public sealed class NatsSiteConfigurationTests
{
    private static readonly NatsCloudRemote CloudA = new()
    {
        JetStreamDomain = "cloud-a",
        HubLeafAddresses = ["hub-a.example:7422"],
        LeafUser = new NatsUserCredential("onprem", "s3cret/with:chars@"),
        AppUser = new NatsUserCredential("app-a", "app-pass"),
        Tls = new NatsTlsFiles { CaFile = "/etc/nats/hub-ca.pem" },
    };

    [Fact]
    public void OnPremises_DialsOutOnlyWithOneAccountPerCloudAndDeniesTheCloudsItsApi()
    {
        var text = new NatsOnPremisesConfiguration
        {
            ServerName = "onprem",
            JetStreamDomain = "onprem",
            StoreDirectory = "/var/lib/nats",
            Clouds = [CloudA, CloudA.With("cloud-b")],
        }.Render();

        Assert.DoesNotContain("leafnodes {\n  listen", text, StringComparison.Ordinal);
        Assert.Contains("\"CLOUD_cloud-a\": {", text, StringComparison.Ordinal);
        Assert.Contains("\"CLOUD_cloud-b\": {", text, StringComparison.Ordinal);
        Assert.Contains("urls: [\"tls://onprem:s3cret%2Fwith%3Achars%40@hub-a.example:7422\"]", text, StringComparison.Ordinal);
        Assert.Contains("ca_file: \"/etc/nats/hub-ca.pem\"", text, StringComparison.Ordinal);
        Assert.Contains("\"$JS.onprem.API.STREAM.DELETE.>\"", text, StringComparison.Ordinal);
        Assert.Contains("\"$JS.onprem.API.$KV.>\"", text, StringComparison.Ordinal);
        Assert.Contains("deny_exports: [\"$KV.>\", \"$OBJ.>\", \"$JS.API.>\"]", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"$JS.onprem.API.STREAM.INFO", text, StringComparison.Ordinal);
    }

    [Fact]
    public void CloudHub_TheLeafUserOnlyConnectsAsALeafAndMayNotWriteOrAdministerTheCloud()
    {
        var text = new NatsCloudHubConfiguration
        {
            ServerName = "hub-a",
            JetStreamDomain = "cloud-a",
            StoreDirectory = "/var/lib/nats",
            RendezvousUser = new NatsUserCredential("rendezvous", "pw \"quoted\" \\ $dollar"),
            LeafUser = new NatsUserCredential("onprem", "leaf-pw"),
            LeafTls = new NatsTlsFiles { CertificateFile = "/etc/nats/hub.pem", KeyFile = "/etc/nats/hub-key.pem" },
        }.Render();

        Assert.Contains("allowed_connection_types: [\"LEAFNODE\"]", text, StringComparison.Ordinal);
        Assert.Contains("allowed_connection_types: [\"STANDARD\"]", text, StringComparison.Ordinal);
        Assert.Contains("\"$JS.cloud-a.API.STREAM.PURGE.>\"", text, StringComparison.Ordinal);
        Assert.Contains("password: \"pw \\\"quoted\\\" \\\\ $dollar\"", text, StringComparison.Ordinal);
        Assert.Contains("cert_file: \"/etc/nats/hub.pem\"", text, StringComparison.Ordinal);
        Assert.Contains("domain: \"cloud-a\"", text, StringComparison.Ordinal);
        Assert.Contains("max_payload: 8MB", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cloud.a")]
    [InlineData("")]
    [InlineData("with space")]
    public void Render_ADomainNatsCannotUse_Throws(string domain)
    {
        var hub = new NatsCloudHubConfiguration
        {
            ServerName = "hub",
            JetStreamDomain = domain,
            StoreDirectory = "/tmp",
            RendezvousUser = new NatsUserCredential("r", "p"),
            LeafUser = new NatsUserCredential("l", "p"),
        };

        Assert.Throws<ArgumentException>(() => hub.Render());
    }

    [Fact]
    public void Render_AControlCharacterInAPassword_ThrowsWithoutQuotingIt()
    {
        var hub = new NatsCloudHubConfiguration
        {
            ServerName = "hub",
            JetStreamDomain = "cloud-a",
            StoreDirectory = "/tmp",
            RendezvousUser = new NatsUserCredential("r", "secret\nline"),
            LeafUser = new NatsUserCredential("l", "p"),
        };

        var error = Assert.Throws<ArgumentException>(() => hub.Render());

        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UserCredential_NeverShowsThePassword()
    {
        var text = new NatsUserCredential("app", "hunter2").ToString();

        Assert.DoesNotContain("hunter2", text, StringComparison.Ordinal);
        Assert.StartsWith("app", text, StringComparison.Ordinal);
    }
}

internal static class NatsCloudRemoteExtensions
{
    public static NatsCloudRemote With(this NatsCloudRemote remote, string domain) => new()
    {
        JetStreamDomain = domain,
        HubLeafAddresses = remote.HubLeafAddresses,
        LeafUser = remote.LeafUser,
        AppUser = remote.AppUser,
        Tls = remote.Tls,
    };
}
