using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;
using QualityWatch.Alerting;
using QualityWatch.Api;
using QualityWatch.Evaluations;
using QualityWatch.Backfill;
using QualityWatch.Health;
using QualityWatch.Ingestion;
using QualityWatch.Ingestion.Otlp;
using QualityWatch.Judging;
using QualityWatch.Backfill.Batch.Webhooks;
using QualityWatch.Notifications;
using QualityWatch.Reports;
using QualityWatch.Redaction;
using QualityWatch.Evidence;
using QualityWatch.Sampling;
using QualityWatch.Storage;
using QualityWatch.Telemetry;
using QualityWatch.Trends;

namespace QualityWatch.Hosting;

public static class QualityWatchExtensions
{
    /// <summary>Registers every stage of the data flow.</summary>
    public static IServiceCollection AddQualityWatch(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddLifecycle();
        services.AddServerLimits();
        services.AddApi();
        services.AddHealth();
        services.AddTelemetry();
        services.AddStorage();
        services.AddRedaction();
        services.AddSampling();
        services.AddIngestion();
        services.AddOtlpIngest();
        services.AddJudging();
        services.AddEvaluationExport();
        services.TryAddSingleton<SampleQueries>();
        services.AddQuartz();
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        services.AddTrends();

        services.AddNotifications();
        services.AddAlerting();
        services.AddReports();
        services.AddBackfill();
        return services;
    }

    public static WebApplication MapQualityWatch(this WebApplication app)
    {
        app.UseRequestBodyLimits();
        app.MapTelemetry();
        app.UseApiGate();
        app.MapHealth();
        app.MapIngestion();
        app.MapOtlpIngest();
        app.MapSamples();
        app.MapTrends();
        app.MapAlerting();
        app.MapNotifications();
        app.MapReports();
        app.MapGeminiWebhook();
        return app;
    }
}
