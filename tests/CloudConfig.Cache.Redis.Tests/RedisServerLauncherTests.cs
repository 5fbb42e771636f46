using CloudConfig.Testing.Redis;

namespace CloudConfig.Cache.Redis.Tests;

/// <summary>The launcher the fixture uses must fail loudly, naming the package, rather than let the suite skip.</summary>
public sealed class RedisServerLauncherTests
{
    [Fact]
    public void RequireExecutable_NotOnThePath_FailsNamingTheDebianPackage()
    {
        var emptyFolder = Directory.CreateTempSubdirectory("no-redis-");
        try
        {
            var error = Assert.Throws<InvalidOperationException>(() => RedisServer.RequireExecutable(emptyFolder.FullName));

            Assert.Contains("install the Debian package 'redis-server'", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            emptyFolder.Delete();
        }
    }

    [Fact]
    public void RequireExecutable_OnThisMachine_FindsRedisServer()
    {
        var path = RedisServer.RequireExecutable(Environment.GetEnvironmentVariable("PATH") ?? "");

        Assert.Equal("redis-server", Path.GetFileName(path));
    }
}
