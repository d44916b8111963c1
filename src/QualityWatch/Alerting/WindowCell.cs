namespace QualityWatch.Alerting;

/// <summary>Verdict counts of one stream × prompt_version × model cell in a window (Dapper row).</summary>
internal sealed class WindowCell
{
    public string Stream { get; set; } = "";
    public string PromptVersion { get; set; } = "";
    public string Model { get; set; } = "";
    public long Samples { get; set; }
    public long Hallucinations { get; set; }
    public long AccuracySum { get; set; }
    public long ToneSum { get; set; }

    public EvidenceSplit ToSplit() => new(
        PromptVersion, Model, Samples, Hallucinations,
        Samples == 0 ? 0 : (double)Hallucinations / Samples,
        Samples == 0 ? 0 : (double)AccuracySum / Samples,
        Samples == 0 ? 0 : (double)ToneSum / Samples);
}
