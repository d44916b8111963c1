using System.Globalization;

namespace QualityWatch.Bench.Shared;

/// <summary>Invariant-culture number formats for the results tables.</summary>
internal static class Fmt
{
    public static string N0(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string F(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Pct(double fraction, int decimals = 1) => F(fraction * 100, decimals) + " %";

    public static string Usd(decimal value) => "$" + value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>A ratio as <c>3.1×</c>; a dash when the denominator is zero.</summary>
    public static string Times(double numerator, double denominator, int decimals = 2) =>
        denominator == 0 ? "-" : F(numerator / denominator, decimals) + "×";
}
