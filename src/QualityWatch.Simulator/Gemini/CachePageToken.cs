using System.Globalization;
using System.Text;

namespace QualityWatch.Simulator.Gemini;

/// <summary>
/// The opaque list pageToken: the creation sequence of the last cache on the previous page, so a
/// cache deleted between pages shifts nothing.
/// </summary>
internal static class CachePageToken
{
    private const string Prefix = "after:";

    public static string Write(long sequence) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + sequence.ToString(CultureInfo.InvariantCulture)));

    public static bool TryRead(string token, out long after)
    {
        after = 0;
        var bytes = new byte[token.Length];
        return Convert.TryFromBase64String(token, bytes, out var written) &&
               Encoding.UTF8.GetString(bytes, 0, written) is var text && text.StartsWith(Prefix, StringComparison.Ordinal) &&
               long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out after);
    }
}
