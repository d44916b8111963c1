namespace QualityWatch.Alerting;

/// <summary>
/// What one rule saw for one stream (× prompt_version) at one evaluation. <see cref="Active"/> is null
/// when there was too little data to say: the instance then keeps its state (insufficient data is not "normal").
/// </summary>
public sealed record RuleObservation(string Stream, string PromptVersion, bool? Active, double? Value, string Summary, AlertEvidence Evidence);
