using System.Text;

namespace CloudConfig.Rendezvous.Tests;

/// <summary>A short line-by-line account of where two texts part, for a failing comparison's message.</summary>
internal static class LineDiff
{
    public static string FirstDifferences(string expected, string actual, int maxLines)
    {
        var left = expected.Split('\n');
        var right = actual.Split('\n');
        var report = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(left.Length, right.Length) && shown < maxLines; i++)
        {
            var a = i < left.Length ? left[i] : null;
            var b = i < right.Length ? right[i] : null;
            if (a == b)
            {
                continue;
            }

            report.Append("  line ").Append(i + 1).Append('\n');
            report.Append("    checked in: ").Append(a ?? "(none)").Append('\n');
            report.Append("    served:     ").Append(b ?? "(none)").Append('\n');
            shown++;
        }

        return report.ToString();
    }
}
