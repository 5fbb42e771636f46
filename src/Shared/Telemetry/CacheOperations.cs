// Shared source: compiled into each package that needs it (see the Compile items in its project), internal to
// each, so no package exposes it and none depends on another for it. Plain comments, not XML docs: one member in two
// packages' documentation files breaks tools that merge them (ASP.NET Core's OpenAPI comments fail on the duplicate).
namespace CloudConfig.Core;

// The names of the IConfigCache operations in spans and measurements (span name, db.operation.name,
// cloudconfig.operation): the design's names where it has one, the same the rendezvous clients' spans use.
internal static class CacheOperations
{
    public const string PreRegister = "pre_register";
    public const string Get = "get";
    public const string UpdateConfiguration = "update_configuration";
    public const string Remove = "remove";
    public const string RemoveStale = "remove_stale";
    public const string List = "list";
    public const string Fetch = "fetch";
    public const string UpdateCache = "update_cache";
    public const string WaitForUpdate = "wait_for_update";
    public const string AssignDynamic = "assign_dynamic";
}
