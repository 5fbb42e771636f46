using System.Text;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudConfig.Agent.Tests.Boot;

/// <summary>Boot string sources read with a limit, and a source answering garbage is unavailable, never a crash.</summary>
public sealed class BootSourceBoundsTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> GarbageTokens => ["line\nbreak", "t\u00f6ken", "with space", "", new string('t', 2000)];

    [Theory]
    [MemberData(nameof(GarbageTokens))]
    public async Task MetadataService_TokenThatCannotBeAHeader_IsInvalidDataNotAFormatException(string token)
    {
        await using var stub = new MetadataServiceStub(userData: "x", token: token);
        var source = new MetadataServiceBootStringSource(Options(o => o.MetadataServiceUrl = stub.BaseUrl));

        await Assert.ThrowsAsync<InvalidDataException>(() => source.ReadAsync().AsTask());

        Assert.Equal(["PUT /latest/api/token"], stub.Requests);
    }

    [Fact]
    public async Task MetadataService_UserDataNotUtf8_IsInvalidData()
    {
        await using var stub = new MetadataServiceStub(userData: null, userDataBytes: [0xff, 0xfe, 0xc3, 0x28]);
        var source = new MetadataServiceBootStringSource(Options(o => o.MetadataServiceUrl = stub.BaseUrl));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => source.ReadAsync().AsTask());

        Assert.Contains("not UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetadataService_HugeUserData_IsRefusedAtTheLimit()
    {
        await using var stub = new MetadataServiceStub(userData: null, userDataBytes: new byte[BoundedText.MaxBytes + 1]);
        var source = new MetadataServiceBootStringSource(Options(o => o.MetadataServiceUrl = stub.BaseUrl));

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => source.ReadAsync().AsTask());

        Assert.Contains($"over {BoundedText.MaxBytes} bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Locator_MetadataServiceAnsweringGarbage_MovesOnAndSaysWhyInTheNotFoundError()
    {
        await using var stub = new MetadataServiceStub(userData: "x", token: "line\nbreak");
        var options = new ConfigAgentOptions
        {
            BootStringEnvironmentVariable = "",
            UserDataPath = _temp.Write("user-data", "#!/bin/sh\necho someone else's user data\n"),
            MetadataServiceUrl = stub.BaseUrl,
            KernelCommandLinePath = null,
        };
        var locator = new BootStringLocator(BootStringSourceTests.BuiltInSources(options), NullLogger.Instance);

        Assert.Null(await locator.FindAsync(CancellationToken.None));

        var tried = string.Join("\n", locator.SourcesTried);
        Assert.Contains($"user-data file {options.UserDataPath} (not a boot string: Invalid boot string", tried, StringComparison.Ordinal);
        Assert.Contains("(unusable: The metadata service sent a session token that cannot be sent back as a header", tried, StringComparison.Ordinal);
        Assert.DoesNotContain("someone else", tried, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserDataFile_OverTheLimit_IsInvalidDataWithoutReadingItAll()
    {
        var path = _temp.Write("user-data", new string('a', 10 * BoundedText.MaxBytes));
        var source = new UserDataFileBootStringSource(Options(o => o.UserDataPath = path));

        await Assert.ThrowsAsync<InvalidDataException>(() => source.ReadAsync().AsTask());
    }

    [Fact]
    public async Task KernelCommandLine_NotUtf8_IsInvalidData()
    {
        var path = _temp.File("cmdline");
        await File.WriteAllBytesAsync(path, [.. Encoding.ASCII.GetBytes("quiet cloudconfig.boot="), 0xff, 0xfe]);
        var source = new KernelCommandLineBootStringSource(Options(o => o.KernelCommandLinePath = path));

        await Assert.ThrowsAsync<InvalidDataException>(() => source.ReadAsync().AsTask());
    }

    private static Microsoft.Extensions.Options.IOptions<ConfigAgentOptions> Options(Action<ConfigAgentOptions> configure)
    {
        var options = new ConfigAgentOptions();
        configure(options);
        return Microsoft.Extensions.Options.Options.Create(options);
    }
}
