using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QualityWatch.Api;
using QualityWatch.Telemetry;

namespace QualityWatch.Health;

internal static class HealthExtensions
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<HealthOptions, HealthOptionsValidator>().BindConfiguration(HealthOptions.SectionName);
        services.TryAddSingleton<StorageProbe>();
        services.TryAddSingleton<SystemStatus>();
        if (!services.Any(d => d.ServiceType == typeof(ComponentGauges)))
        {
            // One instance: the status checks publish to it, the meter reads it.
            services.AddSingleton<ComponentGauges>();
            services.AddSingleton<IMetricGauges>(sp => sp.GetRequiredService<ComponentGauges>());
        }

        services.AddHostedService<StatusMonitor>();
        services.AddHealthChecks()
            .AddCheck("process", () => HealthCheckResult.Healthy("The process answers."), tags: [HealthTags.Live])
            .AddCheck<ShutdownHealthCheck>("shutdown", tags: [HealthTags.Ready])
            .AddCheck<DatabaseHealthCheck>("database", tags: [HealthTags.Ready, HealthTags.Status])
            .AddCheck<IngestHealthCheck>("ingest", tags: [HealthTags.Ready, HealthTags.Status])
            .AddCheck<JudgeHealthCheck>("judge", tags: [HealthTags.Status])
            .AddCheck<NotificationsHealthCheck>("notifications", tags: [HealthTags.Status]);
        return services;
    }

    /// <summary>
    /// <c>/healthz</c>: liveness only, never touches the database. <c>/readyz</c>: can it take traffic (shutdown,
    /// database, ingest commits); 503 when one is unhealthy. <c>/v1/status</c>: every component, the judge included.
    /// </summary>
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/healthz", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(HealthTags.Live),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = r => r.Tags.Contains(HealthTags.Ready),
            ResponseWriter = HealthResponseWriter.WriteAsync,
        }).AllowAnonymous();
        app.MapGet("/v1/status", StatusAsync).RequireAuthorization(ApiRoles.Read);
        return app;
    }

    /// <summary><c>GET /v1/status</c>: every component's state and why, behind the <c>read</c> role like every /v1 read.</summary>
    private static async Task<IResult> StatusAsync(SystemStatus status, CancellationToken cancellationToken)
    {

        return Results.Json(await status.CheckAsync(cancellationToken), HealthJsonContext.Default.StatusView);
    }
}
