namespace CloudConfig.Deltacloud;

/// <summary>Maps read from an answer, where a name given twice is a malformed answer rather than a crash.</summary>
internal static class ParsedNames
{
    /// <summary>
    /// Adds <paramref name="name"/>, or throws a <see cref="FormatException"/> (which the context turns into a
    /// <see cref="DeltacloudProtocolException"/>) when the answer already gave it: Dictionary.Add's ArgumentException
    /// would escape every parse error handler as an untyped crash, and keeping either value would guess.
    /// </summary>
    public static void AddOnce(this Dictionary<string, string> map, string name, string value, string what)
    {
        if (!map.TryAdd(name, value))
        {
            throw new FormatException($"The answer gives the {what} '{name}' twice.");
        }
    }
}
