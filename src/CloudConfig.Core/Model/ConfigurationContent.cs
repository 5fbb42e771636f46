using System.Text;

namespace CloudConfig.Core;

/// <summary>
/// An instance's configuration: an opaque blob (a Puppet manifest, a cloud-config, a script, anything) with
/// the media type that tells the applier what it is.
/// </summary>
/// <remarks>
/// The original 2010 schema called this <c>config_xml</c>; nothing here assumes XML. Equality compares the bytes.
/// </remarks>
public sealed class ConfigurationContent : IEquatable<ConfigurationContent>
{
    /// <summary>The media type used when none is given for text.</summary>
    public const string DefaultTextType = "text/plain; charset=utf-8";

    /// <summary>The media type used when none is given for bytes.</summary>
    public const string DefaultBinaryType = "application/octet-stream";

    private readonly byte[] _bytes;

    private ConfigurationContent(byte[] bytes, string contentType)
    {
        _bytes = bytes;
        ContentType = contentType;
    }

    /// <summary>The media type, for example <c>text/x-shellscript</c> or <c>application/json</c>.</summary>
    public string ContentType { get; }

    /// <summary>The configuration's bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The size in bytes.</summary>
    public int Length => _bytes.Length;

    /// <summary>A configuration from text, stored as UTF-8.</summary>
    public static ConfigurationContent FromText(string text, string contentType = DefaultTextType)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return new ConfigurationContent(Encoding.UTF8.GetBytes(text), contentType);
    }

    /// <summary>A configuration from bytes, which are copied.</summary>
    public static ConfigurationContent FromBytes(ReadOnlySpan<byte> bytes, string contentType = DefaultBinaryType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return new ConfigurationContent(bytes.ToArray(), contentType);
    }

    /// <summary>The bytes decoded as UTF-8.</summary>
    public string AsText() => Encoding.UTF8.GetString(_bytes);

    /// <inheritdoc />
    public bool Equals(ConfigurationContent? other) =>
        other is not null
        && string.Equals(ContentType, other.ContentType, StringComparison.Ordinal)
        && _bytes.AsSpan().SequenceEqual(other._bytes);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ConfigurationContent);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ContentType, StringComparer.Ordinal);
        hash.AddBytes(_bytes);
        return hash.ToHashCode();
    }

    /// <summary>The media type and size, never the content (it may hold credentials of its own).</summary>
    public override string ToString() => $"{ContentType} ({_bytes.Length} bytes)";
}
