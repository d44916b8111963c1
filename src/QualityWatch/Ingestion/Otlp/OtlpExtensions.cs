using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QualityWatch.Api;
using QualityWatch.Hosting;

namespace QualityWatch.Ingestion.Otlp;

internal static class OtlpExtensions
{
    /// <summary>OTLP/HTTP trace ingest; needs <see cref="IngestionExtensions.AddIngestion"/>.</summary>
    public static IServiceCollection AddOtlpIngest(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<OtlpOptions, OtlpOptionsValidator>().BindConfiguration(OtlpOptions.SectionName);
        services.TryAddSingleton<GenAiSpanMapper>();
        services.TryAddSingleton<OtlpMetrics>();
        services.TryAddSingleton<ContentCaptureHint>();
        return services;
    }

    public static WebApplication MapOtlpIngest(this WebApplication app)
    {
        var maxBodyBytes = app.Services.GetRequiredService<IOptions<IngestOptions>>().Value.MaxBodyBytes;
        app.MapPost("/v1/traces", OtlpTracesEndpoint.HandleAsync)
            .WithMetadata(new RequestBodyLimit(maxBodyBytes))
            .RequireAuthorization(ApiRoles.Ingest);
        return app;
    }
}
