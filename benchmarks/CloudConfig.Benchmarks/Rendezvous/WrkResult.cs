namespace CloudConfig.Benchmarks.Rendezvous;

/// <summary>What one wrk run counted: requests completed, over how long, and how many were answered with neither 2xx nor 3xx.</summary>
public sealed record WrkResult(long Requests, double Seconds, long Failed)
{
    public double RequestsPerSecond => Requests / Seconds;
}
