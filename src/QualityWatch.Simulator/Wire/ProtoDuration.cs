using System.Globalization;
using System.Text.RegularExpressions;

namespace QualityWatch.Simulator.Wire;

/// <summary>google.protobuf.Duration in proto3 JSON: seconds with 0, 3, 6 or 9 fractional digits and an "s".</summary>
internal static partial class ProtoDuration
{
    public static string Format(TimeSpan value)
    {
        var ticks = value.Ticks;
        var seconds = ticks / TimeSpan.TicksPerSecond;
        var nanos = ticks % TimeSpan.TicksPerSecond * 100;
        return seconds.ToString(CultureInfo.InvariantCulture) + ProtoTimestamp.Fraction(Math.Abs(nanos)) + "s";
    }

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        var match = text is null ? null : Pattern().Match(text);
        if (match is null || !match.Success)
        {
            return false;
        }

        var seconds = decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        if (seconds > 315_576_000_000m)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)(seconds * TimeSpan.TicksPerSecond));
        return true;
    }

    [GeneratedRegex(@"^(-?\d+(?:\.\d{1,9})?)s$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
