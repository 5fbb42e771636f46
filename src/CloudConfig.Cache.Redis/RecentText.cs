using System.Text;

namespace CloudConfig.Cache.Redis;

/// <summary>
/// Decodes UTF-8 text, answering with the string it decoded last when the bytes are the same: a field that nearly
/// every read repeats (a content type, a domain) then costs a comparison instead of a string per read.
/// </summary>
/// <remarks>Safe across threads: the last text and its bytes are swapped together, as one immutable object.</remarks>
internal sealed class RecentText
{
    private Decoded? _last;

    public string Read(ReadOnlySpan<byte> utf8)
    {
        var last = Volatile.Read(ref _last);
        if (last is not null && utf8.SequenceEqual(last.Utf8))
        {
            return last.Text;
        }

        var text = Encoding.UTF8.GetString(utf8);
        Volatile.Write(ref _last, new Decoded(utf8.ToArray(), text));
        return text;
    }

    private sealed record Decoded(byte[] Utf8, string Text);
}
