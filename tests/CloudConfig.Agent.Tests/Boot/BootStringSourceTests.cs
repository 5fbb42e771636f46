using System.Text;
using CloudConfig.Core;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CloudConfig.Agent.Tests.Boot;

public sealed class BootStringSourceTests : IDisposable
{
    private static readonly Guid Uuid = Guid.Parse("6f1c3c1e-8a4b-4d6e-9f10-2b3c4d5e6f70");
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string NewBootString(Guid? uuid = null) =>
        BootString.Create(uuid ?? Uuid, RendezvousAddress.Parse("[2001:db8::7]:8443"), Secret.Generate()).Format();

    private static IOptions<ConfigAgentOptions> Options(Action<ConfigAgentOptions> configure)
    {
        var options = new ConfigAgentOptions();
        configure(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }

    [Fact]
    public async Task Explicit_BootStringOption_IsReturned()
    {
        var text = NewBootString();
        var source = new ExplicitBootStringSource(Options(o => o.BootString = text));

        Assert.Equal(text, await source.ReadAsync());
    }

    [Fact]
    public async Task Environment_VariableSet_ReturnsItsValue()
    {
        var variable = "CLOUDCONFIG_TEST_" + Guid.NewGuid().ToString("N");
        var text = NewBootString();
        Environment.SetEnvironmentVariable(variable, text);
        try
        {
            var source = new EnvironmentBootStringSource(Options(o => o.BootStringEnvironmentVariable = variable));

            Assert.Equal(text, await source.ReadAsync());
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task UserDataFile_Missing_ReturnsNull()
    {
        var source = new UserDataFileBootStringSource(Options(o => o.UserDataPath = _temp.File("absent")));

        Assert.Null(await source.ReadAsync());
    }

    [Fact]
    public async Task UserDataFile_Base64WrappedWithWhitespace_ReadsTheBootString()
    {
        var text = NewBootString();
        var wrapped = Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
        // Wrapped at 20 columns and surrounded by blank lines, as some tools write it.
        var folded = "\n  " + string.Join("\n", wrapped.Chunk(20).Select(c => new string(c))) + "  \r\n\n";
        var source = new UserDataFileBootStringSource(Options(o => o.UserDataPath = _temp.Write("user-data.txt", folded)));

        var raw = await source.ReadAsync();

        Assert.Equal(text, BootStringText.TryRead(raw)!.Format());
    }

    [Theory]
    [InlineData("  {0}  \n")]
    [InlineData("\t\r\n{0}\r\n")]
    [InlineData("#cloudconfig\n{0}\n")]
    [InlineData("#cloudconfig v1\r\n  {0}")]
    public void TryRead_WhitespaceAndMarkerLine_AreTolerated(string layout)
    {
        var text = NewBootString();

        var read = BootStringText.TryRead(string.Format(System.Globalization.CultureInfo.InvariantCulture, layout, text));

        Assert.Equal(text, read!.Format());
    }

    [Fact]
    public void TryRead_Base64UrlWithoutPadding_IsDecoded()
    {
        var text = NewBootString();
        var wrapped = Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

        Assert.Equal(text, BootStringText.TryRead(wrapped)!.Format());
    }

    [Theory]
    [InlineData("")]
    [InlineData("#cloud-config\npackages: [nginx]\n")]
    [InlineData("aGVsbG8gd29ybGQ=")]
    public void TryRead_SomeoneElsesUserData_ReturnsNull(string raw) =>
        Assert.Null(BootStringText.TryRead(raw));

    [Fact]
    public async Task KernelCommandLine_WithToken_ReturnsTheTokenValue()
    {
        var text = NewBootString();
        var path = _temp.Write("cmdline", $"BOOT_IMAGE=/vmlinuz root=/dev/vda1 ro cloudconfig.boot={text} quiet\n");
        var source = new KernelCommandLineBootStringSource(Options(o => o.KernelCommandLinePath = path));

        Assert.Equal(text, await source.ReadAsync());
    }

    [Fact]
    public async Task KernelCommandLine_WithoutToken_ReturnsNull()
    {
        var path = _temp.Write("cmdline", "BOOT_IMAGE=/vmlinuz root=/dev/vda1 ro quiet\n");
        var source = new KernelCommandLineBootStringSource(Options(o => o.KernelCommandLinePath = path));

        Assert.Null(await source.ReadAsync());
    }

    [Fact]
    public async Task MetadataService_Imdsv2_GetsATokenThenTheUserData()
    {
        var text = NewBootString();
        await using var stub = new MetadataServiceStub(userData: text + "\n");
        var source = new MetadataServiceBootStringSource(Options(o => o.MetadataServiceUrl = stub.BaseUrl));

        var raw = await source.ReadAsync();

        Assert.Equal(text, BootStringText.TryRead(raw)!.Format());
        Assert.Equal(["PUT /latest/api/token", "GET /latest/user-data"], stub.Requests);
        Assert.Equal(0, stub.RefusedForMissingToken);
    }

    [Fact]
    public async Task MetadataServiceStub_GetWithoutToken_IsRefused()
    {
        await using var stub = new MetadataServiceStub(userData: NewBootString());
        using var client = new HttpClient();

        using var response = await client.GetAsync(new Uri(stub.BaseUrl, "/latest/user-data"));

        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(1, stub.RefusedForMissingToken);
    }

    [Fact]
    public async Task MetadataService_NoUserData_ReturnsNull()
    {
        await using var stub = new MetadataServiceStub(userData: null);
        var source = new MetadataServiceBootStringSource(Options(o => o.MetadataServiceUrl = stub.BaseUrl));

        Assert.Null(await source.ReadAsync());
    }

    [Fact]
    public async Task Locator_SourcesInOrder_FirstReadableBootStringWins()
    {
        var first = new FixedBootStringSource("empty", null);
        var second = new FixedBootStringSource("not ours", "#cloud-config\nruncmd: []");
        var third = new FixedBootStringSource("winner", NewBootString(Uuid));
        var fourth = new FixedBootStringSource("later", NewBootString(Guid.NewGuid()));
        var locator = new BootStringLocator([first, second, third, fourth], NullLogger.Instance);

        var found = await locator.FindAsync(CancellationToken.None);

        Assert.Equal(Uuid, found!.Value.BootString.Uuid);
        Assert.Equal("winner", found.Value.Source);
        Assert.Equal(0, fourth.Reads);
    }

    [Fact]
    public async Task Locator_BuiltInSources_FollowTheDocumentedPrecedence()
    {
        // Every source holds a different boot string; removing the winner each time shows the next in line.
        var uuids = Enumerable.Range(0, 5).Select(_ => Guid.NewGuid()).ToArray();
        var variable = "CLOUDCONFIG_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(variable, NewBootString(uuids[1]));
        await using var stub = new MetadataServiceStub(NewBootString(uuids[3]));
        try
        {
            var options = new ConfigAgentOptions
            {
                BootString = NewBootString(uuids[0]),
                BootStringEnvironmentVariable = variable,
                UserDataPath = _temp.Write("user-data.txt", NewBootString(uuids[2])),
                MetadataServiceUrl = stub.BaseUrl,
                KernelCommandLinePath = _temp.Write("cmdline", "ro cloudconfig.boot=" + NewBootString(uuids[4])),
            };
            var seen = new List<Guid>();
            for (var i = 0; i < 5; i++)
            {
                seen.Add((await Locate(options))!.Value.BootString.Uuid);
                Disable(options, i, variable);
            }

            Assert.Equal(uuids, seen);
            Assert.Null(await Locate(options));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    [Fact]
    public async Task Locator_UnreachableMetadataService_MovesOnToTheKernelCommandLine()
    {
        // A closed port on loopback: what an agent sees off the cloud, without sending anything anywhere else.
        var closed = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        closed.Start();
        var port = ((System.Net.IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var options = new ConfigAgentOptions
        {
            BootStringEnvironmentVariable = "",
            UserDataPath = null,
            MetadataServiceUrl = new Uri($"http://127.0.0.1:{port}/"),
            KernelCommandLinePath = _temp.Write("cmdline", "cloudconfig.boot=" + NewBootString(Uuid)),
        };

        var found = await Locate(options);

        Assert.Equal(Uuid, found!.Value.BootString.Uuid);
    }

    [Fact]
    public async Task Agent_NoSourceHasABootString_ThrowsBootStringNotFoundNamingEverySource()
    {
        var options = new ConfigAgentOptions
        {
            BootStringEnvironmentVariable = "CLOUDCONFIG_TEST_UNSET_" + Guid.NewGuid().ToString("N"),
            UserDataPath = _temp.File("absent"),
            MetadataServiceUrl = null,
            KernelCommandLinePath = _temp.Write("cmdline", "ro quiet"),
            StateDirectory = _temp.File("state"),
        };
        var agent = new ConfigAgent(Microsoft.Extensions.Options.Options.Create(options), new TestConnector(new Cache.InMemory.InMemoryConfigCache()), new FileConfigurationApplier(_temp.File("conf")), BuiltInSources(options));

        var error = await Assert.ThrowsAsync<BootStringNotFoundException>(() => agent.RunAsync());

        Assert.Equal(5, error.SourcesTried.Count);
        Assert.Contains("user-data file " + options.UserDataPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("kernel command line", error.Message, StringComparison.Ordinal);
        Assert.Contains("metadata service (disabled)", error.Message, StringComparison.Ordinal);
    }

    internal static IBootStringSource[] BuiltInSources(ConfigAgentOptions options)
    {
        var wrapped = Microsoft.Extensions.Options.Options.Create(options);
        return
        [
            new ExplicitBootStringSource(wrapped),
            new EnvironmentBootStringSource(wrapped),
            new UserDataFileBootStringSource(wrapped),
            new MetadataServiceBootStringSource(wrapped),
            new KernelCommandLineBootStringSource(wrapped),
        ];
    }

    private static Task<(BootString BootString, string Source)?> Locate(ConfigAgentOptions options) =>
        new BootStringLocator(BuiltInSources(options), NullLogger.Instance).FindAsync(CancellationToken.None);

    private static void Disable(ConfigAgentOptions options, int index, string variable)
    {
        switch (index)
        {
            case 0: options.BootString = null; break;
            case 1: Environment.SetEnvironmentVariable(variable, null); break;
            case 2: options.UserDataPath = null; break;
            case 3: options.MetadataServiceUrl = null; break;
            default: options.KernelCommandLinePath = null; break;
        }
    }
}
