using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QualityWatch.Api;
using QualityWatch.Hosting;
using QualityWatch.Telemetry;

namespace QualityWatch.Ingestion;

internal static class IngestionExtensions
{
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<IngestOptions, IngestOptionsValidator>().BindConfiguration(IngestOptions.SectionName);
        services.TryAddSingleton<CleanIdentifiers>();
        services.TryAddSingleton<InteractionValidator>();
        services.TryAddSingleton<IngestQueue>();
        services.TryAddSingleton<IngestSubmitter>();
        services.TryAddSingleton<IngestCommitter>();
        services.TryAddSingleton<IngestHealth>();
        services.TryAddSingleton<LogThrottle>();
        services.AddHostedService<IngestWriter>();
        return services;
    }

    public static WebApplication MapIngestion(this WebApplication app)
    {
        var maxBodyBytes = app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxBodyBytes;
        app.MapPost("/v1/interactions", IngestEndpoint.HandleAsync)
            .WithMetadata(new RequestBodyLimit(maxBodyBytes))
            .RequireAuthorization(ApiRoles.Ingest);
        return app;
    }
}
