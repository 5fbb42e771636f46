using System.Runtime.Versioning;

// The agent runs on Linux instances, and these tests run real /bin/sh scripts and check Unix file modes.
[assembly: SupportedOSPlatform("linux")]
