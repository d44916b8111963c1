namespace QualityWatch.Reports;

/// <summary>One alert that went to firing during the reported day (from alerting's <c>alert_history</c>).</summary>
internal sealed record AlertFired(string Rule, string? Stream, string? PromptVersion, DateTimeOffset At);
