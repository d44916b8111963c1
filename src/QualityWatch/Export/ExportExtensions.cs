using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QualityWatch.Export;

internal static class ExportExtensions
{
    public static IServiceCollection AddExport(this IServiceCollection services)
    {
        services.TryAddSingleton<ExportQueries>();
        services.TryAddSingleton<ExportWriter>();
        services.TryAddSingleton<ExportManifests>();
        return services;
    }
}
