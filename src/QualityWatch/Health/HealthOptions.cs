namespace QualityWatch.Health;

/// <summary>How <c>/readyz</c> judges readiness. Section <c>Health</c>.</summary>
public sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// A judge whose last call failed for a reason that no retry fixes soon (connection refused,
    /// timeouts and 5xx after retries, an open circuit, a refused key, a refused request) still
    /// counts as reachable when it gave a verdict within this window. Default 15 minutes.
    /// </summary>
    public TimeSpan JudgeWindow { get; set; } = TimeSpan.FromMinutes(15);
}
