using Microsoft.Extensions.DependencyInjection.Extensions;
using QualityWatch.Ingestion;
using QualityWatch.Redaction;
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
        return services;
    }

    public static WebApplication MapQualityWatch(this WebApplication app)
    {
        app.MapHealthChecks("/healthz");
        app.MapIngestion();
        return app;
    }
}
