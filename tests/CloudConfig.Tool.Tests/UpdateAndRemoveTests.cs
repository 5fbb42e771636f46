using System.Text;
using System.Text.Json;
using CloudConfig.Core;
using Microsoft.Extensions.Time.Testing;

namespace CloudConfig.Tool.Tests;

public sealed class UpdateAndRemoveTests
{
    [Fact]
    public async Task Update_BumpsTheGenerationKeepsTheContentType_AndTheAgentGetsTheNewConfiguration()
    {
        await using var server = await ToolTestServer.StartAsync();
        using var files = new TempFiles();
        var (uuid, secret) = await server.RegisterAsync();
        using var instance = server.CreateInstanceClient();
        var trustKey = Secret.Generate();
        await instance.FetchAsync(uuid, InstanceCredential.FirstContact(secret, trustKey));

        var run = await ToolRun.RunAsync(server.Environment, "update", uuid.ToString(), files.Write("v2.txt", "echo v2"));

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal($"updated {uuid}: generation 2, text/x-shellscript, 7 bytes", run.Out.TrimEnd());
        var entry = await server.Cache.GetAsync(uuid);
        Assert.Equal(2, entry!.Generation);
        Assert.Equal("text/x-shellscript", entry.Configuration.ContentType);
        var update = await instance.WaitForUpdateAsync(uuid, trustKey, knownGeneration: 1, TimeSpan.FromSeconds(5));
        Assert.Equal(2, update!.Generation);
        Assert.Equal("echo v2", Encoding.UTF8.GetString(update.Configuration.Bytes.Span));
    }

    [Fact]
    public async Task Update_WithContentTypeAndJson_WritesTheUpdatedEntry()
    {
        await using var server = await ToolTestServer.StartAsync();
        using var files = new TempFiles();
        var (uuid, _) = await server.RegisterAsync();

        var run = await ToolRun.RunAsync(server.Environment, "update", uuid.ToString(), files.Write("v2", "{}"), "--content-type", "application/json", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        Assert.Equal(2, json.RootElement.GetProperty("generation").GetInt64());
        Assert.Equal("application/json", json.RootElement.GetProperty("configuration").GetProperty("contentType").GetString());
        Assert.Equal("application/json", (await server.Cache.GetAsync(uuid))!.Configuration.ContentType);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Update_UnknownUuid_ExitsNotFound(bool withContentType)
    {
        await using var server = await ToolTestServer.StartAsync();
        using var files = new TempFiles();
        var uuid = Guid.NewGuid();
        string[] args = withContentType
            ? ["update", uuid.ToString(), files.Write("v2.sh", "echo"), "--content-type", "text/plain"]
            : ["update", uuid.ToString(), files.Write("v2.sh", "echo")];

        var run = await ToolRun.RunAsync(server.Environment, args);

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Equal($"cloudconfig: no entry {uuid} on the server.", run.Error.TrimEnd());
    }

    [Fact]
    public async Task Remove_RemovesTheEntry_AndASecondRemoveExitsNotFound()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (uuid, _) = await server.RegisterAsync();
        var (kept, _) = await server.RegisterAsync();

        var first = await ToolRun.RunAsync(server.Environment, "remove", uuid.ToString());
        var second = await ToolRun.RunAsync(server.Environment, "remove", uuid.ToString());

        Assert.Equal(ExitCodes.Success, first.ExitCode);
        Assert.Equal($"removed {uuid}", first.Out.TrimEnd());
        Assert.Null(await server.Cache.GetAsync(uuid));
        Assert.NotNull(await server.Cache.GetAsync(kept));
        Assert.Equal(ExitCodes.NotFound, second.ExitCode);
        Assert.Equal($"cloudconfig: no entry {uuid} on the server.", second.Error.TrimEnd());
    }

    [Fact]
    public async Task RemoveStale_RemovesOnlyEntriesNotHeardFromWithinTheDuration()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var server = await ToolTestServer.StartAsync(time);
        var (old1, _) = await server.RegisterAsync();
        var (old2, _) = await server.RegisterAsync();
        time.Advance(TimeSpan.FromHours(2));
        var (fresh, _) = await server.RegisterAsync();

        var run = await ToolRun.RunAsync(server.Environment, "remove-stale", "--older-than", "1h30m");
        var again = await ToolRun.RunAsync(server.Environment, "remove-stale", "--older-than", "1h", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("removed 2 stale entries (not heard from in 1h30m)", run.Out.TrimEnd());
        Assert.Null(await server.Cache.GetAsync(old1));
        Assert.Null(await server.Cache.GetAsync(old2));
        Assert.NotNull(await server.Cache.GetAsync(fresh));
        using var json = JsonDocument.Parse(again.Out);
        Assert.Equal(0, json.RootElement.GetProperty("removed").GetInt32());
    }

    [Theory]
    [InlineData("0s")]
    [InlineData("soon")]
    [InlineData("-5m")]
    public async Task RemoveStale_WithoutAUsableDuration_ExitsWithUsageAndRemovesNothing(string duration)
    {
        await using var server = await ToolTestServer.StartAsync();
        await server.RegisterAsync();

        var run = await ToolRun.RunAsync(server.Environment, "remove-stale", "--older-than", duration);
        var missing = await ToolRun.RunAsync(server.Environment, "remove-stale");

        Assert.Equal(ExitCodes.Usage, run.ExitCode);
        Assert.Equal(ExitCodes.Usage, missing.ExitCode);
        Assert.Contains("--older-than", run.Error, StringComparison.Ordinal);
        Assert.Equal(1, server.Cache.Count);
    }
}
