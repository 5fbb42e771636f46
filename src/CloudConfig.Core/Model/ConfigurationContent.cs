using System.ComponentModel;
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

    // Never written after construction: every factory either copies or takes ownership of a buffer nobody else holds.
    private readonly ReadOnlyMemory<byte> _bytes;

    private ConfigurationContent(ReadOnlyMemory<byte> bytes, string contentType)
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

    /// <summary>
    /// A configuration that takes ownership of <paramref name="bytes"/> instead of copying them, for a cache that
    /// has just received them in a buffer of its own (a reply from its backend). Unsafe: the caller must never
    /// write that buffer again nor let anyone else hold it, or the configuration changes under its readers. Use
    /// <see cref="FromBytes"/> unless a profile shows the copy.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="contentType"/> is null, empty or white space.</exception>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static ConfigurationContent UnsafeTakeOwnership(ReadOnlyMemory<byte> bytes, string contentType)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return new ConfigurationContent(bytes, contentType);
    }

    /// <summary>The bytes decoded as UTF-8.</summary>
    public string AsText() => Encoding.UTF8.GetString(_bytes.Span);

    /// <inheritdoc />
    public bool Equals(ConfigurationContent? other) =>
        other is not null
        && string.Equals(ContentType, other.ContentType, StringComparison.Ordinal)
        && _bytes.Span.SequenceEqual(other._bytes.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ConfigurationContent);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(ContentType, StringComparer.Ordinal);
        hash.AddBytes(_bytes.Span);
        return hash.ToHashCode();
    }

    /// <summary>The media type and size, never the content (it may hold credentials of its own).</summary>
    public override string ToString() => $"{ContentType} ({_bytes.Length} bytes)";
}
