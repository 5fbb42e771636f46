namespace CloudConfig.Core;

/// <summary>Helpers for parameter maps.</summary>
internal static class ParameterMaps
{
    /// <summary>Whether two maps hold the same keys with equal values.</summary>
    public static bool AreEqual(IReadOnlyDictionary<string, ParameterValue> left, IReadOnlyDictionary<string, ParameterValue> right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left.Count != right.Count)
        {
            return false;
        }

        foreach (var (key, value) in left)
        {
            if (!right.TryGetValue(key, out var other) || !value.Equals(other))
            {
                return false;
            }
        }

        return true;
    }
}
