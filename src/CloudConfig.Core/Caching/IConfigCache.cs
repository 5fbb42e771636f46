namespace CloudConfig.Core;

/// <summary>
/// A config cache: the rendezvous point between the app that registers configurations and the instances that
/// fetch them. Everything that stores or forwards entries implements it (in memory, Redis, the HTTP client of a
/// remote rendezvous server), so they share one conformance test suite and compose.
/// </summary>
public interface IConfigCache : IConfigRegistry, IConfigRendezvous
{
}
