using CloudConfig.Core;

namespace CloudConfig.Rendezvous.Protocol;

/// <summary>
/// The one table between Core exceptions and problem details, used both ways: the server turns an exception into
/// a problem, and every client turns a problem back into the same exception.
/// </summary>
public static class RendezvousProblems
{
    /// <summary>
    /// The problem for an exception a cache threw; <see langword="null"/> when it is not one of the cache's typed
    /// errors (the server then answers 500 with no detail). A cache's own refusals, whatever their type, derive from
    /// <see cref="ConfigCacheRefusedException"/> and are answered 409 <c>refused</c> with their reason.
    /// </summary>
    public static ProblemMessage? FromException(Exception exception) => exception switch
    {
        ConfigEntryNotFoundException => NotFound(),
        ConfigurationTooLargeException e => Create(400, RendezvousProblemKinds.TooLarge, "Configuration too large", e.Message) with
        {
            Field = e.Field, Problem = e.Problem, Limit = e.Limit, Size = e.Size,
        },
        InvalidConfigInputException e => InvalidInput(e.Field, e.Problem),
        ConfigEntryAlreadyExistsException e => Create(409, RendezvousProblemKinds.AlreadyExists, "Entry already exists", e.Message) with { Uuid = e.Uuid },
        NoDynamicEntryAvailableException e => Create(409, RendezvousProblemKinds.NoDynamicEntry, "No dynamic entry available", e.Message) with { Pool = e.Pool },
        ConfigCacheFullException e => Create(507, RendezvousProblemKinds.CacheFull, "Cache full", e.Message) with { Limit = e.Limit },
        ConfigCacheRefusedException e => Create(409, RendezvousProblemKinds.Refused, "Refused here", e.Message) with { Reason = e.Reason },
        ConfigCacheUnavailableException => Create(503, RendezvousProblemKinds.Unavailable, "Cache unavailable", "The backing cache is unavailable."),
        _ => null,
    };

    /// <summary>The one answer for an unknown uuid, a wrong credential and a replayed boot secret.</summary>
    public static ProblemMessage NotFound() =>
        Create(404, RendezvousProblemKinds.NotFound, "Not found", ConfigEntryNotFoundException.StandardMessage);

    /// <summary>An invalid input.</summary>
    public static ProblemMessage InvalidInput(string field, string problem) =>
        Create(400, RendezvousProblemKinds.InvalidInput, "Invalid input", $"Invalid {field}: {problem}") with { Field = field, Problem = problem };

    /// <summary>A missing or wrong credential where no entry is named (the app's API key, a malformed header).</summary>
    public static ProblemMessage Unauthorized() =>
        Create(401, RendezvousProblemKinds.Unauthorized, "Unauthorized", "A valid credential is required in the Authorization header.");

    /// <summary>A body over the request size limit.</summary>
    public static ProblemMessage BodyTooLarge(long limit) =>
        Create(413, RendezvousProblemKinds.TooLarge, "Request body too large", $"The request body is over the limit of {limit} bytes.") with
        {
            Field = "configuration", Problem = $"is over the request limit of {limit} bytes.", Limit = limit,
        };

    /// <summary>A body that is not JSON.</summary>
    public static ProblemMessage UnsupportedMediaType() =>
        Create(415, RendezvousProblemKinds.UnsupportedMediaType, "Unsupported media type", "The body must be application/json.");

    /// <summary>The server is stopping: a long poll it held is answered at once, to be made again (here or elsewhere).</summary>
    public static ProblemMessage Stopping() =>
        Create(503, RendezvousProblemKinds.Unavailable, "Server stopping", "The server is stopping; poll again, at this server or another.");

    /// <summary>Too many failed attempts.</summary>
    public static ProblemMessage RateLimited() =>
        Create(429, RendezvousProblemKinds.RateLimited, "Too many failed attempts", "Too many failed attempts; retry later.");

    /// <summary>An unexpected server error, with no detail that could leak anything.</summary>
    public static ProblemMessage Internal() =>
        Create(500, RendezvousProblemKinds.Internal, "Internal error", "The server could not handle the request.");

    /// <summary>
    /// The exception a client throws for an error answer: the Core exception for a known kind, or
    /// <see langword="null"/> for a status that says nothing about the call (rate limits, server and gateway errors).
    /// </summary>
    public static ConfigCacheException? ToException(int status, ProblemMessage? problem)
    {
        var kind = problem?.ErrorKind;
        return kind switch
        {
            RendezvousProblemKinds.NotFound => new ConfigEntryNotFoundException(),
            RendezvousProblemKinds.TooLarge => new ConfigurationTooLargeException(problem!.Size ?? -1, problem.Limit ?? -1),
            RendezvousProblemKinds.InvalidInput => new InvalidConfigInputException(problem!.Field ?? "request", problem.Problem ?? "is invalid."),
            RendezvousProblemKinds.AlreadyExists when problem!.Uuid is { } uuid => new ConfigEntryAlreadyExistsException(uuid),
            RendezvousProblemKinds.NoDynamicEntry => new NoDynamicEntryAvailableException(problem!.Pool ?? ""),
            RendezvousProblemKinds.CacheFull => new ConfigCacheFullException(problem!.Limit ?? -1),
            RendezvousProblemKinds.Refused when ConfigCacheRefusedException.IsReason(problem!.Reason) =>
                new ConfigCacheRefusedException(problem.Reason!, $"The rendezvous server refused the request ({problem.Reason}). {problem.Detail}".TrimEnd()),
            RendezvousProblemKinds.Unauthorized => new ConfigCacheException("The rendezvous server refused the credential (401)."),
            RendezvousProblemKinds.UnsupportedMediaType => new ConfigCacheException("The rendezvous server refused the request's media type (415)."),
            _ => status switch
            {
                404 => new ConfigEntryNotFoundException(),
                413 => new ConfigurationTooLargeException(-1, problem?.Limit ?? -1),
                401 or 403 => new ConfigCacheException($"The rendezvous server refused the credential ({status})."),
                >= 400 and < 500 and not 408 and not 429 => new ConfigCacheException($"The rendezvous server refused the request ({status})."),
                _ => null,
            },
        };
    }

    private static ProblemMessage Create(int status, string kind, string title, string detail) => new()
    {
        Type = RendezvousProblemKinds.TypeOf(kind),
        Title = title,
        Status = status,
        Detail = detail,
        ErrorKind = kind,
    };
}
