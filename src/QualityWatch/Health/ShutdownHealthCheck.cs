using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace QualityWatch.Health;

/// <summary>Not ready once shutdown began: a load balancer stops sending while in-flight work finishes.</summary>
internal sealed class ShutdownHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
            ? HealthCheckResult.Unhealthy("QualityWatch is shutting down: ingest answers 503 and in-flight work is finishing.")
            : HealthCheckResult.Healthy("Running."));
}
