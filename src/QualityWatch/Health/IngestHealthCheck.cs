using Microsoft.Extensions.Diagnostics.HealthChecks;
using QualityWatch.Ingestion;

namespace QualityWatch.Health;

/// <summary>
/// Ingest commits. Ready while the last commit went through; after a failed one, unready until a
/// commit or a probe write the size of the failed commit succeeds: a write probe alone can pass
/// while every real commit, which needs more room, fails (a nearly full disk).
/// </summary>
internal sealed class IngestHealthCheck(IngestHealth health, StorageProbe probe, ILogger<IngestHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = health.Current;
        if (!state.Failing)
        {
            return HealthCheckResult.Healthy(state switch
            {
                { RecoveredAt: { } at } when at > state.LastCommitAt.GetValueOrDefault() => $"Commits fail no more: a write the size of the last failed commit succeeded at {at:O}.",
                { LastCommitAt: { } at } => $"Last commit at {at:O}.",
                _ => "No commit yet.",
            });
        }

        if (await probe.WriteAsync(state.FailedBytes, cancellationToken) is { } failure)
        {
            return HealthCheckResult.Unhealthy(
                $"Ingest commits fail (answered 503, nothing stored): the last at {state.FailedAt:O}: {state.Failure}; a {state.FailedBytes:N0}-byte probe write fails too: {failure}");
        }

        health.Recovered(state);
        Log.IngestRecovered(logger, state.FailedBytes, state.FailedAt.GetValueOrDefault());
        return HealthCheckResult.Healthy($"The commit at {state.FailedAt:O} failed ({state.Failure}); a {state.FailedBytes:N0}-byte write has succeeded since.");
    }
}
