using System.Text.Json;
using CloudConfig.Core;

namespace CloudConfig.Tool.Tests;

public sealed class ListAndShowTests
{
    [Fact]
    public async Task EntriesList_Plain_WritesAHeaderAndOneTabSeparatedRowPerEntry()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (configured, secret) = await server.RegisterAsync(domain: "lab");
        var (waiting, _) = await server.RegisterAsync(domain: "prod");
        await server.ReportAsync(configured, secret, new InstanceStatus(InstanceState.Configured, 0, "ok", 1));

        var run = await ToolRun.RunAsync(server.Environment, "entries", "list");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal("", run.Error);
        Assert.Equal(3, run.OutLines.Count);
        Assert.Equal(string.Join('\t', EntryRow.Headers), run.OutLines[0]);
        var rows = run.OutLines.Skip(1).Select(line => line.Split('\t')).ToDictionary(cells => cells[0]);
        Assert.All(rows.Values, cells => Assert.Equal(EntryRow.Headers.Count, cells.Length));
        Assert.Equal(["configured", "1", "1", "0", "10.0.0.7"], rows[configured.ToString()][1..6]);
        Assert.Equal("lab", rows[configured.ToString()][7]);
        Assert.Equal(["registered", "1", "-", "-", "-", "-"], rows[waiting.ToString()][1..7]);
        Assert.Equal("prod", rows[waiting.ToString()][7]);
    }

    [Fact]
    public async Task EntriesList_Json_ReadsEveryPageAndWritesTheApisEntries()
    {
        await using var server = await ToolTestServer.StartAsync();
        // More than one page of the client's listing (500 entries a page).
        var registered = new HashSet<Guid>();
        for (var i = 0; i < 520; i++)
        {
            registered.Add((await server.RegisterAsync()).Uuid);
        }

        var run = await ToolRun.RunAsync(server.Environment, "entries", "list", "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var items = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(520, items.Count);
        Assert.True(registered.SetEquals(items.Select(item => item.GetProperty("uuid").GetGuid())));
        Assert.All(items, item => Assert.Equal("registered", item.GetProperty("status").GetProperty("state").GetString()));
        Assert.All(items, item => Assert.Equal("text/x-shellscript", item.GetProperty("configuration").GetProperty("contentType").GetString()));
    }

    [Fact]
    public async Task EntriesList_DomainAndStateFilters_KeepOnlyMatchingEntries()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (labFailed, secret) = await server.RegisterAsync(domain: "lab");
        await server.RegisterAsync(domain: "lab");
        await server.RegisterAsync(domain: "prod");
        await server.ReportAsync(labFailed, secret, new InstanceStatus(InstanceState.Failed, 2, "no disk", 1));

        var lab = await ToolRun.RunAsync(server.Environment, "entries", "list", "--domain", "lab", "--json");
        var failed = await ToolRun.RunAsync(server.Environment, "entries", "list", "--state", "failed");
        var empty = await ToolRun.RunAsync(server.Environment, "entries", "list", "--domain", "nowhere", "--json");

        using (var json = JsonDocument.Parse(lab.Out))
        {
            Assert.Equal(2, json.RootElement.GetArrayLength());
            Assert.All(json.RootElement.EnumerateArray(), item => Assert.Equal("lab", item.GetProperty("domain").GetString()));
        }

        Assert.Equal(2, failed.OutLines.Count);
        Assert.StartsWith($"{labFailed}\tfailed\t1\t1\t2\t", failed.OutLines[1], StringComparison.Ordinal);
        Assert.EndsWith("\tno disk", failed.OutLines[1], StringComparison.Ordinal);
        Assert.Equal("[]", empty.Out.Trim());
    }

    [Fact]
    public async Task EntriesShow_Plain_WritesFieldValueLinesWithParametersAndDetail()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (uuid, secret) = await server.RegisterAsync(domain: "lab");
        await server.ReportAsync(uuid, secret, new InstanceStatus(InstanceState.Failed, 3, "step 1 ok\nstep 2 failed", 1));

        var run = await ToolRun.RunAsync(server.Environment, "entries", "show", uuid.ToString());

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var fields = run.OutLines.Select(line => line.Split('\t')).ToList();
        Assert.All(fields, cells => Assert.Equal(2, cells.Length));
        string Field(string name) => fields.Single(cells => cells[0] == name)[1];
        Assert.Equal(uuid.ToString(), Field("uuid"));
        Assert.Equal("failed", Field("state"));
        Assert.Equal("3", Field("exit-code"));
        Assert.Equal("10.0.0.7", Field("address"));
        Assert.Equal("lab", Field("domain"));
        Assert.Equal("yes", Field("claimed"));
        Assert.Equal("web", Field("parameter.role"));
        Assert.Equal("text/x-shellscript", Field("content-type"));
        Assert.Equal(["step 1 ok", "step 2 failed"], fields.Where(cells => cells[0] == "detail").Select(cells => cells[1]));
    }

    [Fact]
    public async Task EntriesShow_Json_IsTheEntryTheCacheHolds()
    {
        await using var server = await ToolTestServer.StartAsync();
        var (uuid, secret) = await server.RegisterAsync();
        await server.ReportAsync(uuid, secret, new InstanceStatus(InstanceState.Configured, 0, "done", 1));
        var expected = await server.Cache.GetAsync(uuid);

        var run = await ToolRun.RunAsync(server.Environment, "entries", "show", uuid.ToString(), "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        using var json = JsonDocument.Parse(run.Out);
        var root = json.RootElement;
        Assert.Equal(uuid, root.GetProperty("uuid").GetGuid());
        Assert.Equal(expected!.Generation, root.GetProperty("generation").GetInt64());
        Assert.Equal("configured", root.GetProperty("status").GetProperty("state").GetString());
        Assert.Equal(0, root.GetProperty("status").GetProperty("exitCode").GetInt32());
        Assert.Equal("web", root.GetProperty("parameters").GetProperty("role").GetString());
        Assert.Equal(expected.LastContactAt, root.GetProperty("lastContactAt").GetDateTimeOffset());
        Assert.Equal(expected.Configuration.Bytes.ToArray(), Convert.FromBase64String(root.GetProperty("configuration").GetProperty("base64").GetString()!));
    }

    [Fact]
    public async Task EntriesShow_UnknownUuid_ExitsNotFoundWithOneLine()
    {
        await using var server = await ToolTestServer.StartAsync();
        var uuid = Guid.NewGuid();

        var run = await ToolRun.RunAsync(server.Environment, "entries", "show", uuid.ToString(), "--json");

        Assert.Equal(ExitCodes.NotFound, run.ExitCode);
        Assert.Equal("", run.Out);
        Assert.Equal($"cloudconfig: no entry {uuid} on the server.", run.Error.TrimEnd());
    }
}
