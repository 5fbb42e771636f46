using CloudConfig.Core;
using CloudConfig.Deltacloud;
using CloudConfig.Samples.Shared;
using DeltacloudExplorer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

// Example: dotnet run --project samples/DeltacloudExplorer -- --url http://host:3001/api --user mockuser --password mockpassword
return await SampleCommandLine.RunAsync(ExplorerArguments.CreateCommand(RunAsync), args);

static async Task<int> RunAsync(ExplorerArguments arguments, CancellationToken interrupted)
{
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
        var entry = await client.GetEntryPointAsync(interrupted);
        Console.WriteLine($"Deltacloud {entry.Version}, driver {entry.Driver}{(entry.Provider is null ? string.Empty : $", provider {entry.Provider}")}");
        if (!await client.ValidateCredentialsAsync(interrupted))
        {
            Console.Error.WriteLine("The credentials were refused.");
            return 1;
        }

        var images = await client.Images.ListAsync(cancellationToken: interrupted);
        Console.WriteLine($"Images ({images.Count}):");
        foreach (var image in images)
        {
            Console.WriteLine($"  {image.Id,-12} {image.Architecture,-8} {image.Name} - {image.Description}");
        }

        var profiles = await client.HardwareProfiles.ListAsync(interrupted);
        Console.WriteLine($"Hardware profiles ({profiles.Count}):");
        foreach (var profile in profiles)
        {
            var properties = profile.IsOpaque ? "opaque" : string.Join(", ", profile.Properties.Select(Describe));
            Console.WriteLine($"  {profile.Id,-12} {properties}");
        }

        var realms = await client.Realms.ListAsync(interrupted);
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
        try
        {
            var launched = await launcher.LaunchAsync(new InstanceLaunchRequest(imageId) { Name = arguments.Name, UserData = arguments.UserData }, interrupted);
            Console.WriteLine($"Started {launched.InstanceId} ({launched.State}) named {launched.Name}; public: {string.Join(", ", launched.PublicAddresses)}");
        }
        finally
        {
            // By its name, so that a launch cancelled or failed after the cloud made the machine is ended too.
            await EndAsync(launcher, arguments);
        }

        return 0;
    }
    catch (Exception) when (interrupted.IsCancellationRequested)
    {
        Console.Error.WriteLine("Interrupted.");
        return SampleCommandLine.Interrupted;
    }
    catch (DeltacloudException ex)
    {
        Console.Error.WriteLine($"{ex.GetType().Name}: {ex.Message}");
        return 1;
    }
}

static async Task EndAsync(IInstanceLauncher launcher, ExplorerArguments arguments)
{
    var instances = await launcher.FindByNameAsync(arguments.Name);
    foreach (var instance in instances)
    {
        if (arguments.Keep)
        {
            Console.WriteLine($"Left {instance.InstanceId} running (--keep).");
            continue;
        }

        await launcher.TerminateAsync(instance.InstanceId);
        Console.WriteLine($"Destroyed {instance.InstanceId} (stopped first where the cloud requires it).");
    }
}

static string Describe(HardwareProfileProperty p) => p.Kind switch
{
    HardwarePropertyKind.Range => $"{p.Name} {p.RangeFirst}-{p.RangeLast} {p.Unit} (default {p.Value})",
    HardwarePropertyKind.Enum => $"{p.Name} {string.Join("|", p.EnumValues)} {p.Unit} (default {p.Value})",
    _ => $"{p.Name} {p.Value} {p.Unit}",
};
