namespace CloudConfig.Deltacloud;

/// <summary>The one place where HTTP statuses and transport failures become Deltacloud exceptions.</summary>
internal static class DeltacloudErrorMap
{
    private static readonly Dictionary<int, (string Kind, Func<string, DeltacloudException> Create)> ByStatus = new()
    {
        [400] = ("ValidationFailure", m => new DeltacloudValidationException(m)),
        [401] = ("AuthenticationFailure", m => new DeltacloudAuthenticationException(m)),
        [403] = ("ForbiddenError", m => new DeltacloudForbiddenException(m)),
        [404] = ("ObjectNotFound", m => new DeltacloudNotFoundException(m)),
        [405] = ("MethodNotAllowed", m => new DeltacloudInvalidStateException(m)),
        [406] = ("NotAcceptable", m => new DeltacloudNotAcceptableException(m)),
        [500] = ("BackendError", m => new DeltacloudBackendException(m)),
        [501] = ("NotImplemented", m => new DeltacloudNotImplementedException(m)),
        [502] = ("ProviderError", m => new DeltacloudProviderException(m)),
        [503] = ("ServiceUnavailable", m => new DeltacloudServiceUnavailableException(m)),
        [504] = ("ProviderTimeout", m => new DeltacloudProviderTimeoutException(m)),
    };

    public static DeltacloudException FromResponse(int status, string? body, HttpMethod method, string url)
    {
        var parsed = DeltacloudErrorBody.Parse(body);
        var known = ByStatus.TryGetValue(status, out var entry);
        var kind = parsed.Kind ?? (known ? entry.Kind : null);
        var message = ErrorText.Sentence($"Deltacloud answered {status}{(kind is null ? string.Empty : $" ({kind})")} to {method.Method} {PathOf(url)}: {parsed.Message ?? "no message"}");
        var exception = known ? entry.Create(message)
            : status >= 500 ? new DeltacloudBackendException(message)
            : new DeltacloudException(message);
        exception.StatusCode = status;
        exception.ErrorKind = kind;
        exception.ServerMessage = parsed.Message;
        return exception;
    }

    /// <summary>The request was cancelled by its timeout (not by its caller) before an answer arrived.</summary>
    public static DeltacloudTimeoutException TimedOut(OperationCanceledException cause, HttpMethod method, string url) =>
        new($"No answer to {method.Method} {PathOf(url)} within the request timeout.", cause);

    /// <summary>The request failed before an answer arrived: refused, reset, or the handler gave up.</summary>
    public static DeltacloudTransportException FromTransport(Exception cause, HttpMethod method, string url) =>
        new(ErrorText.Sentence($"{method.Method} {PathOf(url)} failed before an answer arrived: {cause.Message}"), cause);

    /// <summary>
    /// Whether the request may have taken effect despite the failure: a refused request or a 4xx proves nothing
    /// happened; a timeout, a reset or a 5xx (but 501) may hide a created instance or a performed action.
    /// </summary>
    public static bool MayHaveTakenEffect(DeltacloudException ex) =>
        ex is DeltacloudTimeoutException or DeltacloudTransportException
        || (ex.StatusCode >= 500 && ex is not DeltacloudNotImplementedException);

    public static DeltacloudProtocolException Unreadable(HttpMethod method, string url, string reason, Exception? cause = null) =>
        new(ErrorText.Sentence($"The answer to {method.Method} {PathOf(url)} could not be read: {reason}"), cause);

    private static string PathOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.PathAndQuery : url;
}
