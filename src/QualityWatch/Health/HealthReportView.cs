namespace QualityWatch.Health;

/// <summary>The JSON body of <c>/healthz</c> and <c>/readyz</c>.</summary>
internal sealed record HealthReportView(string Status, double TotalDurationMs, IReadOnlyList<HealthCheckView> Checks);
