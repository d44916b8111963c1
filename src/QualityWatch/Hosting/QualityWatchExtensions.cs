using Microsoft.Extensions.DependencyInjection.Extensions;
using QualityWatch.Alerting;
using QualityWatch.Api;
using QualityWatch.Backfill.Batch.Webhooks;
using QualityWatch.Backfill;
using QualityWatch.Calibration;
using QualityWatch.Canary;
using QualityWatch.Evaluations;
using QualityWatch.Evidence;
using QualityWatch.Export;
using QualityWatch.Health;
using QualityWatch.Ingestion.Otlp;
using QualityWatch.Ingestion;
using QualityWatch.Judging;
using QualityWatch.Notifications;
using QualityWatch.Redaction;
using QualityWatch.Reports;
using QualityWatch.Reviews;
using QualityWatch.Sampling;
using QualityWatch.Storage;
using QualityWatch.Telemetry;
using QualityWatch.Trends;
using QualityWatch.WebConsole;
using Quartz;

namespace QualityWatch.Hosting;

internal static class QualityWatchExtensions
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
        services.TryAddSingleton<SampleSearch>();
        services.AddExport();
        services.AddQuartz();
        services.AddQuartzHostedService(q => q.WaitForJobsToComplete = true);
        services.AddTrends();

        services.AddNotifications();
        services.AddAlerting();
        services.AddCanary();
        services.AddReports();
        services.AddReviews();
        services.AddCalibration();
        services.AddBackfill();
        services.AddWebConsole();
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
        app.MapExport();
        app.MapTrends();
        app.MapAlerting();
        app.MapNotifications();
        app.MapReports();
        app.MapReviews();
        app.MapCalibration();
        app.MapCanary();
        app.MapGeminiWebhook();
        app.MapWebConsole();
        app.MapReviewScript();
        return app;
    }
}
