using Microsoft.Extensions.DependencyInjection.Extensions;
using QualityWatch.Ingestion;
using QualityWatch.Judging;
using QualityWatch.Redaction;
using QualityWatch.Samples;
using QualityWatch.Sampling;
using QualityWatch.Storage;

namespace QualityWatch.Hosting;

public static class QualityWatchExtensions
{
    /// <summary>Registers every stage of the data flow.</summary>
    public static IServiceCollection AddQualityWatch(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHealthChecks();
        services.AddStorage();
        services.AddRedaction();
        services.AddSampling();
        services.AddIngestion();
        services.AddJudging();
        services.TryAddSingleton<SampleQueries>();
        return services;
    }

    public static WebApplication MapQualityWatch(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        app.MapIngestion();
        app.MapSamples();
        return app;
    }
}
