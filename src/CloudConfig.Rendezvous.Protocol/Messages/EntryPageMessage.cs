namespace CloudConfig.Rendezvous.Protocol;

/// <summary>One page of a listing, ordered by uuid.</summary>
public sealed record EntryPageMessage
{
    /// <summary>The entries of this page.</summary>
    public required IReadOnlyList<EntryMessage> Items { get; init; }

    /// <summary>The cursor for the next page (<c>?after=</c>), or <see langword="null"/> on the last page.</summary>
    public string? Next { get; init; }
}
