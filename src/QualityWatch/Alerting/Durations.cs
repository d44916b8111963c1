using System.Globalization;
using System.Text;

namespace QualityWatch.Alerting;

/// <summary>Short human durations for reasons and summaries: <c>10m</c>, <c>4h</c>, <c>1h30m</c>, <c>2d</c>.</summary>
internal static class Durations
{
    public static string Format(TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            return "0s";
        }

        var text = new StringBuilder();
        Append(text, value.Days, "d");
        Append(text, value.Hours, "h");
        Append(text, value.Minutes, "m");
        Append(text, value.Seconds, "s");
        return text.Length == 0 ? "0s" : text.ToString();
    }

    // Two decimals when needed, so a rate just over its threshold never reads "5.0% > 5.0%".
    public static string Percent(double rate) => (rate * 100).ToString("0.0#", CultureInfo.InvariantCulture) + "%";

    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static void Append(StringBuilder text, int amount, string unit)
    {
        if (amount > 0)
        {
            text.Append(amount.ToString(CultureInfo.InvariantCulture)).Append(unit);
        }
    }
}
