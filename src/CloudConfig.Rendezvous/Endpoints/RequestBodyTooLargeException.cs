namespace CloudConfig.Rendezvous;

/// <summary>A request body over the server's limit.</summary>
internal sealed class RequestBodyTooLargeException(long limit) : Exception($"The request body is over {limit} bytes.")
{
    public long Limit { get; } = limit;
}
