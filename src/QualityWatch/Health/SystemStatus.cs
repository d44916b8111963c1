using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QualityWatch.Health;

/// <summary>
/// Every component's state, from the checks tagged <see cref="HealthTags.Status"/>: what <c>GET /v1/status</c>
/// answers and <c>qualitywatch_component_up</c> exports. Readiness is narrower: only what taking traffic needs.
/// </summary>
internal sealed class SystemStatus(HealthCheckService checks, ComponentGauges gauges, TimeProvider time)
{
    /// <summary>Component name and the health check that decides it, in answer order.</summary>
    public static IReadOnlyList<(string Component, string Check)> Components { get; } =
        [("ingest", "ingest"), ("storage", "database"), ("judge", "judge"), ("notifications", "notifications")];

    public async Task<StatusView> CheckAsync(CancellationToken cancellationToken)
    {
        var report = await checks.CheckHealthAsync(r => r.Tags.Contains(HealthTags.Status), cancellationToken);
        var components = new Dictionary<string, ComponentView>(StringComparer.Ordinal);
        foreach (var (component, check) in Components)
        {
            components[component] = report.Entries.TryGetValue(check, out var entry)
                ? new ComponentView(ComponentStates.Of(entry), entry.Description ?? entry.Exception?.Message ?? "")
                : new ComponentView(ComponentStates.Down, $"The {check} check did not run.");
        }

        gauges.Publish(components
            .Where(p => p.Value.State != ComponentStates.Disabled)
            .ToDictionary(p => p.Key, p => p.Value.State != ComponentStates.Down, StringComparer.Ordinal));
        return new StatusView(time.GetUtcNow(), components);
    }
}
