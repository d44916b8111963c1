namespace QualityWatch.Alerting;

/// <summary>A sample with its verdict, for evidence (Dapper row).</summary>
internal sealed class ExampleRow
{
    public string InteractionId { get; set; } = "";
    public string PromptVersion { get; set; } = "";
    public string Model { get; set; } = "";
    public long Accuracy { get; set; }
    public long Tone { get; set; }
    public long Hallucination { get; set; }
    public string Response { get; set; } = "";
    public string UnsupportedClaims { get; set; } = "[]";
}
