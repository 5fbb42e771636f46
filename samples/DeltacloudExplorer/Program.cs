using CloudConfig.Core;
using CloudConfig.Deltacloud;
using DeltacloudExplorer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Example: dotnet run --project samples/DeltacloudExplorer -- --url http://host:3001/api --user mockuser --password mockpassword
var arguments = ExplorerArguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("usage: DeltacloudExplorer --url <entry point> [--user u --password p] [--driver d --provider p] [--format xml|json] [--image id] [--name n] [--user-data text] [--no-launch]");
    return 2;
}

using var services = new ServiceCollection()
    .AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information).AddFilter("System.Net.Http", LogLevel.Warning))
    .AddDeltacloudClient(o =>
    {
        o.BaseUrl = arguments.Url;
        o.Username = arguments.User;
        o.Password = arguments.Password;
        o.Driver = arguments.Driver;
        o.Provider = arguments.Provider;
        o.Format = string.Equals(arguments.Format, "json", StringComparison.OrdinalIgnoreCase) ? DeltacloudFormat.Json : DeltacloudFormat.Xml;
    })
    .AddDeltacloudInstanceLauncher()
    .BuildServiceProvider();

var client = services.GetRequiredService<IDeltacloudClient>();
try
{
    var entry = await client.GetEntryPointAsync();
    Console.WriteLine($"Deltacloud {entry.Version}, driver {entry.Driver}{(entry.Provider is null ? string.Empty : $", provider {entry.Provider}")}");
    if (!await client.ValidateCredentialsAsync())
    {
        Console.Error.WriteLine("The credentials were refused.");
        return 1;
    }

    var images = await client.Images.ListAsync();
    Console.WriteLine($"Images ({images.Count}):");
    foreach (var image in images)
    {
        Console.WriteLine($"  {image.Id,-12} {image.Architecture,-8} {image.Name} - {image.Description}");
    }

    var profiles = await client.HardwareProfiles.ListAsync();
    Console.WriteLine($"Hardware profiles ({profiles.Count}):");
    foreach (var profile in profiles)
    {
        var properties = profile.IsOpaque ? "opaque" : string.Join(", ", profile.Properties.Select(Describe));
        Console.WriteLine($"  {profile.Id,-12} {properties}");
    }

    var realms = await client.Realms.ListAsync();
    Console.WriteLine($"Realms ({realms.Count}):");
    foreach (var realm in realms)
    {
        Console.WriteLine($"  {realm.Id,-12} {realm.State,-10} {realm.Name}");
    }

    if (!arguments.Launch)
    {
        return 0;
    }

    var imageId = arguments.ImageId ?? images.FirstOrDefault()?.Id;
    if (imageId is null)
    {
        Console.Error.WriteLine("No image to launch.");
        return 1;
    }

    var launcher = services.GetRequiredService<IInstanceLauncher>();
    var launched = await launcher.LaunchAsync(new InstanceLaunchRequest(imageId) { Name = arguments.Name, UserData = arguments.UserData });
    Console.WriteLine($"Started {launched.InstanceId} ({launched.State}) named {launched.Name}; public: {string.Join(", ", launched.PublicAddresses)}");
    return 0;
}
catch (DeltacloudException ex)
{
    Console.Error.WriteLine($"{ex.GetType().Name}: {ex.Message}");
    return 1;
}

static string Describe(HardwareProfileProperty p) => p.Kind switch
{
    HardwarePropertyKind.Range => $"{p.Name} {p.RangeFirst}-{p.RangeLast} {p.Unit} (default {p.Value})",
    HardwarePropertyKind.Enum => $"{p.Name} {string.Join("|", p.EnumValues)} {p.Unit} (default {p.Value})",
    _ => $"{p.Name} {p.Value} {p.Unit}",
};
