using System.Globalization;

namespace QualityWatch.Simulator.Wire;

/// <summary>google.protobuf.Timestamp in proto3 JSON: RFC 3339, Z-normalized, 0, 3, 6 or 9 fractional digits.</summary>
internal static class ProtoTimestamp
{
    public static string Format(DateTimeOffset value)
    {
        var utc = value.ToUniversalTime();
        var nanos = utc.Ticks % TimeSpan.TicksPerSecond * 100;
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(nanos) + "Z";
    }

    public static bool TryParse(string? text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value) &&
        text!.Contains('T', StringComparison.Ordinal);

    /// <summary>The shortest of "", ".fff", ".ffffff", ".fffffffff" that is exact, as protobuf writes it.</summary>
    internal static string Fraction(long nanos)
    {
        if (nanos == 0)
        {
            return "";
        }

        var digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        var scaled = digits switch { 3 => nanos / 1_000_000, 6 => nanos / 1_000, _ => nanos };
        return "." + scaled.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0');
    }
}
