using System.Globalization;

namespace QualityWatch.Hosting;

/// <summary>
/// The range check every options validator makes, worded one way: "<c>Key must be between min and
/// max, was value.</c>", naming the configuration key so the operator knows what to fix.
/// </summary>
internal static class OptionRange
{
    /// <summary>Adds an error unless <paramref name="min"/> ≤ <paramref name="value"/> ≤ <paramref name="max"/>; <paramref name="note"/> follows the bounds, e.g. "20 MB".</summary>
    public static void Check(List<string> errors, string key, long value, long min, long max, string? note = null)
    {
        if (value < min || value > max)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{key} must be between {min} and {max}{Note(note)}, was {value}."));
        }
    }

    /// <summary>Adds an error unless <paramref name="min"/> ≤ <paramref name="value"/> ≤ <paramref name="max"/>; bounds read as configured (<c>00:00:00.1</c>, <c>30.00:00:00</c>).</summary>
    public static void Check(List<string> errors, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} must be between {Bound(min)} and {Bound(max)}, was {value}.");
        }
    }

    /// <summary>Adds an error unless <paramref name="value"/> is above zero.</summary>
    public static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be a positive duration, was {value}.");
        }
    }

    /// <summary>The constant format without the fraction's trailing zeros: 100 ms is <c>00:00:00.1</c>, not <c>00:00:00.1000000</c>.</summary>
    private static string Bound(TimeSpan bound)
    {
        var text = bound.ToString("c", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) && text.LastIndexOf('.') > text.LastIndexOf(':') ? text.TrimEnd('0') : text;
    }

    private static string Note(string? note) => note is null ? "" : $" ({note})";
}
