using CloudConfig.Agent.Host;
using CloudConfig.Core;

namespace CloudConfig.Agent.Tests.Hosting;

public sealed class ProgramTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string[] Isolated(params string[] more) =>
    [
        "--state-dir", _temp.File("state"), "--boot-env", "", "--user-data-file", "none", "--metadata-url", "none", "--cmdline-file", "none", .. more,
    ];

    [Fact]
    public async Task Main_NoBootString_ExitsWith3()
    {
        Assert.Equal(Program.NoBootString, await Program.Main(Isolated()));
        Assert.False(Directory.Exists(_temp.File("state")));
    }

    [Fact]
    public async Task Main_UnknownArgument_ExitsWith2() =>
        Assert.Equal(Program.BadArguments, await Program.Main(Isolated("--frobnicate")));

    [Fact]
    public async Task Main_InvalidOptions_ExitsWith2() =>
        Assert.Equal(Program.BadArguments, await Program.Main(Isolated("--boot-string", "not a boot string")));

    [Fact]
    public async Task Main_Help_ExitsWith0() =>
        Assert.Equal(Program.Ok, await Program.Main(["--help"]));

    [Fact]
    public async Task Main_BootStringButNoTransportInThisBuild_StopsWithAnErrorInsteadOfPretending()
    {
        var bootString = BootString.Create(Guid.NewGuid(), RendezvousAddress.Parse("127.0.0.1:9"), Secret.Generate()).Format();

        Assert.Equal(Program.UnexpectedError, await Program.Main(Isolated("--boot-string", bootString, "--once")));
    }
}
