namespace QualityWatch.Alerting;

/// <summary>
/// The values <c>Alerting:Rules:N:Rate</c> accepts: which hallucination rate a rate rule compares. Unset: the
/// corrected rate once the stream's current judge model and rubric have a usable calibration, the judged rate before.
/// </summary>
internal static class RateBases
{
    /// <summary>The share of verdicts that said hallucination, as the judge saw it.</summary>
    public const string Judged = "judged";

    /// <summary>The rate corrected for the judge's sensitivity and specificity (docs/statistics.md, "The corrected rate").</summary>
    public const string Corrected = "corrected";

    public static IReadOnlyList<string> All { get; } = [Judged, Corrected];
}
