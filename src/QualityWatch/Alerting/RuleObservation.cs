namespace QualityWatch.Alerting;

/// <summary>
/// What one rule saw for one stream (× prompt_version) at one evaluation. <see cref="Active"/> is null
/// when there was too little data to say: the instance then keeps its state (insufficient data is not "normal").
/// </summary>
internal sealed record RuleObservation(string Stream, string PromptVersion, bool? Active, double? Value, string Summary, AlertEvidence Evidence)
{
    /// <summary>
    /// Whether the condition is at or below the rule's resolve level (hysteresis: between it and the firing level a
    /// firing alert holds). Null: the rule has no resolve level, so not active is clear.
    /// </summary>
    public bool? BelowResolveLevel { get; init; }

    /// <summary>
    /// A clear observation told against the rule's resolve level (the resolve reason quotes it, not the firing
    /// threshold the rate is merely under); null: <see cref="Summary"/>.
    /// </summary>
    public string? ResolveSummary { get; init; }

    public bool Clear => Active == false && BelowResolveLevel != false;
}
