namespace QualityWatch.Bench.Incidents;

/// <summary>One alert transition from <c>alert_history</c>.</summary>
internal sealed record HistoryRow(string Rule, string Stream, string PromptVersion, string ToState, long At);
