using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QualityWatch.Health;

/// <summary>The <c>state</c> of a component in <c>GET /v1/status</c>, from its check's result.</summary>
internal static class ComponentStates
{
    public const string Up = "up";
    public const string Degraded = "degraded";
    public const string Down = "down";

    /// <summary>Not configured, so not doing its work on purpose (no judge key, no channel).</summary>
    public const string Disabled = "disabled";

    private const string StateKey = "state";

    public static HealthCheckResult DisabledResult(string reason) =>
        HealthCheckResult.Healthy(reason, new Dictionary<string, object> { [StateKey] = Disabled });

    public static string Of(HealthReportEntry entry) =>
        entry.Data.TryGetValue(StateKey, out var state) && state is string s ? s
        : entry.Status switch
        {
            HealthStatus.Healthy => Up,
            HealthStatus.Degraded => Degraded,
            _ => Down,
        };
}
