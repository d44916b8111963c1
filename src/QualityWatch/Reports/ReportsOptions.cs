namespace QualityWatch.Reports;

/// <summary>The daily quality report (days are cut in <c>Trends:TimeZone</c>).</summary>
internal sealed class ReportsOptions
{
    public const string SectionName = "Reports";

    /// <summary>Whether the daily report is sent. Default true (the HTTP view works either way).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Local time of day (in Trends:TimeZone) the previous day's report is sent, e.g. <c>07:00</c>. Default 07:00.</summary>
    public TimeOnly SendAt { get; set; } = new(7, 0);

    /// <summary>How many past days an unsent report is still sent for after downtime. Default 3, 1–31.</summary>
    public int CatchUpDays { get; set; } = 3;

    /// <summary>Days in the report's trend chart, ending with the reported day. Default 14, 2–90.</summary>
    public int ChartDays { get; set; } = 14;

    /// <summary>The hallucination-rate threshold line in the chart, as a fraction. Default 0.05 (5%).</summary>
    public double HallucinationThreshold { get; set; } = 0.05;

    /// <summary>Hallucinated samples shown per stream (redacted text only). Default 3, 0–20.</summary>
    public int WorstExamples { get; set; } = 3;

    /// <summary>Hours shown before and after each prompt_version or model change of the day, hour by hour. Default 6, 1–24.</summary>
    public int HoursAroundChange { get; set; } = 6;
}
