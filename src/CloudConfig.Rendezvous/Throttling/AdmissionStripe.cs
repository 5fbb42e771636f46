namespace CloudConfig.Rendezvous;

/// <summary>
/// Wakes requests of one group of source addresses that wait for a slot of their budget when another request of
/// the group, on this server, ends its attempt. (Attempts ending on other servers are noticed by polling.)
/// </summary>
internal sealed class AdmissionStripe
{
    private TaskCompletionSource? _next;

    /// <summary>A task that completes at the next <see cref="Ended"/>. Take it before asking the budget again, so no end is missed.</summary>
    public Task NextEnd()
    {
        var next = Volatile.Read(ref _next);
        if (next is null)
        {
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            next = Interlocked.CompareExchange(ref _next, created, null) ?? created;
        }

        return next.Task;
    }

    public void Ended() => Interlocked.Exchange(ref _next, null)?.TrySetResult();
}
