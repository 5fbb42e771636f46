namespace CloudConfig.Rendezvous;

/// <summary>A request body that is not <c>application/json</c> in UTF-8.</summary>
internal sealed class UnsupportedMediaTypeException() : Exception("The body must be application/json in UTF-8.");
