using CloudConfig.Core;
using Microsoft.Extensions.DependencyInjection;

// The whole mechanism in one process, on the embedded in-memory cache: the app pre-registers a configuration,
// an "instance" reads its boot string, fetches the configuration with the secret, and reports back.
using var services = new ServiceCollection().AddInMemoryConfigCache().BuildServiceProvider();
var registry = services.GetRequiredService<IConfigRegistry>();
var rendezvous = services.GetRequiredService<IConfigRendezvous>();

// App side: a fresh uuid and secret; only the secret's hash goes to the cache.
var uuid = Guid.NewGuid();
var bootSecret = Secret.Generate();
var configuration = ConfigurationContent.FromText("#!/bin/sh\necho 'role=web' > \"$CLOUDCONFIG_PARAMETERS_FILE\"\n", "text/x-shellscript");
await registry.PreRegisterAsync(ConfigRegistration.ForBootSecret(uuid, configuration, bootSecret) with { Domain = "quickstart" });
var bootString = BootString.Create(uuid, RendezvousAddress.Parse("127.0.0.1:8443"), bootSecret);
Console.WriteLine($"Registered {uuid}; boot string for the instance's user data: {bootString}");

// Instance side: parse the boot string, make first contact with a new trust key, apply, report back.
var received = BootString.Parse(bootString.Format());
var trustKey = Secret.Generate();
var fetched = await rendezvous.FetchAsync(received.Uuid, InstanceCredential.FirstContact(received.Secret, trustKey));
Console.WriteLine($"Instance fetched generation {fetched.Generation}: {fetched.Configuration}");
await rendezvous.UpdateCacheAsync(received.Uuid, trustKey, new InstanceReport(new InstanceStatus(InstanceState.Configured, ExitCode: 0, AppliedGeneration: fetched.Generation))
{
    Address = "10.0.0.17",
    Parameters = new Dictionary<string, ParameterValue> { ["role"] = "web", ["port"] = 8080L },
});

// A stolen boot string is worth nothing now.
try
{
    await rendezvous.FetchAsync(received.Uuid, InstanceCredential.FirstContact(received.Secret, Secret.Generate()));
    Console.Error.WriteLine("A replayed boot secret was accepted.");
    return 1;
}
catch (ConfigEntryNotFoundException)
{
    Console.WriteLine("A second use of the boot secret was refused.");
}

// App side again: read what the instance reported.
var entry = await registry.GetAsync(uuid) ?? throw new InvalidOperationException("The entry vanished.");
Console.WriteLine();
Console.WriteLine($"uuid        {entry.Uuid}");
Console.WriteLine($"status      {entry.Status.State} (exit code {entry.Status.ExitCode}, generation {entry.Status.AppliedGeneration})");
Console.WriteLine($"address     {entry.Address}");
Console.WriteLine($"parameters  {string.Join(", ", entry.Parameters.Select(p => $"{p.Key}={p.Value} ({p.Value.Kind})"))}");
Console.WriteLine($"replays     {entry.BootSecretReplays}");
return entry.Status.State == InstanceState.Configured && entry.BootSecretReplays == 1 ? 0 : 1;
