namespace QualityWatch.Health;

/// <summary>How <c>/readyz</c> and <c>GET /v1/status</c> judge the components. Section <c>Health</c>.</summary>
internal sealed class HealthOptions
{
    public const string SectionName = "Health";

    /// <summary>
    /// A judge whose last call failed for a reason that no retry fixes soon (connection refused,
    /// timeouts and 5xx after retries, an open circuit, a refused key, a refused request) still
    /// counts as reachable when it gave a verdict within this window. Default 15 minutes.
    /// </summary>
    public TimeSpan JudgeWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How often the status checks run in the background (<c>GET /v1/status</c> always checks afresh):
    /// the refresh of <c>qualitywatch_component_up</c>, and how soon ingest is found writable again after
    /// failed commits when nothing calls <c>/readyz</c>. Each round commits one small probe row. Default 15 s.
    /// </summary>
    public TimeSpan StatusInterval { get; set; } = TimeSpan.FromSeconds(15);
}
