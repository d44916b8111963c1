namespace QualityWatch.Alerting;

/// <summary>One verdict in judged order, for the sequential detector (Dapper row).</summary>
internal sealed class JudgedVerdict
{
    public string InteractionId { get; set; } = "";
    public long JudgedAt { get; set; }
    public long Hallucination { get; set; }
    public string PromptVersion { get; set; } = "";
}
