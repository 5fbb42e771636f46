using System.Runtime.Versioning;

// The agent runs on Linux instances, and these tests have it run a real /bin/sh script.
[assembly: SupportedOSPlatform("linux")]
