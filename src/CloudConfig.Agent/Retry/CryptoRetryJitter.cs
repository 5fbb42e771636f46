using System.Security.Cryptography;

namespace CloudConfig.Agent;

/// <summary>Jitter from the system CSPRNG: thread-safe, and no two instances booted together share a seed.</summary>
internal sealed class CryptoRetryJitter : IRetryJitter
{
    public static CryptoRetryJitter Instance { get; } = new();

    public double Next() => RandomNumberGenerator.GetInt32(int.MaxValue) / (double)int.MaxValue;
}
