namespace QualityWatch.Health;

/// <summary>One check in a health answer: its status and the sentence that explains it.</summary>
internal sealed record HealthCheckView(string Name, string Status, string? Description, double DurationMs);
