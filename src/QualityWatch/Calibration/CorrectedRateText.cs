using System.Globalization;

namespace QualityWatch.Calibration;

/// <summary>A corrected rate as one line of text, for the console and the daily report.</summary>
internal static class CorrectedRateText
{
    /// <summary>"1.9% (95% 0.8%–3.4%)", or "n/a: " and the reason.</summary>
    public static string Of(CorrectedRateView corrected)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        return corrected.Rate is { } r ? $"{Percent(r.Value)} (95% {Percent(r.Lower)}–{Percent(r.Upper)})" : $"n/a: {corrected.Reason}";
    }

    /// <summary>Which calibration corrected it: "judge gemini-x, rubric v1, 120 labels"; empty without one.</summary>
    public static string Source(CorrectedRateView corrected)
    {
        ArgumentNullException.ThrowIfNull(corrected);
        return corrected.Calibration is { } c ? $"judge {c.JudgeModel}, rubric {c.RubricVersion}, {c.Labels.Total} labels" : "";
    }

    private static string Percent(double value) => value.ToString("0.0%", CultureInfo.InvariantCulture);
}
