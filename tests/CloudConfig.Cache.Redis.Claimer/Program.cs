using System.Globalization;
using CloudConfig.Cache.Redis;
using CloudConfig.Core;
using Microsoft.Extensions.Options;

// Usage: dotnet CloudConfig.Cache.Redis.Claimer.dll <connection string> <key prefix> <pool> <claimers>
// The pool credential comes from the CLAIMER_POOL_CREDENTIAL environment variable, not the command line, which
// other users of the machine can read. Prints "ready", waits for a line on stdin so that every process starts
// claiming at once, then prints each claimed uuid on its own line and finally "done <count>".
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: Claimer <connection string> <key prefix> <pool> <claimers>");
    return 2;
}

var credential = Secret.FromString(Environment.GetEnvironmentVariable("CLAIMER_POOL_CREDENTIAL") ?? "");
var pool = args[2];
var claimers = int.Parse(args[3], CultureInfo.InvariantCulture);
await using var cache = new RedisConfigCache(Options.Create(new RedisConfigCacheOptions
{
    Configuration = args[0],
    KeyPrefix = args[1],
    OperationTimeout = TimeSpan.FromSeconds(30),
}));

// Connect (and load the scripts) before the race starts, so the race measures claiming, not connecting.
await cache.GetAsync(Guid.NewGuid());
Console.WriteLine("ready");
_ = Console.ReadLine();

var claimed = await Task.WhenAll(Enumerable.Range(0, claimers).Select(_ => Task.Run(async () =>
{
    var mine = new List<Guid>();
    while (true)
    {
        try
        {
            mine.Add((await cache.AssignDynamicAsync(pool, credential, Secret.Generate())).Uuid);
        }
        catch (NoDynamicEntryAvailableException)
        {
            return mine;
        }
    }
})));

var all = claimed.SelectMany(uuids => uuids).ToList();
using var output = new StreamWriter(Console.OpenStandardOutput());
foreach (var uuid in all)
{
    output.WriteLine(uuid.ToString("N"));
}

output.WriteLine($"done {all.Count}");
return 0;
