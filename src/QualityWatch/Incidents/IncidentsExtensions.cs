using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QualityWatch.Incidents;

internal static class IncidentsExtensions
{
    /// <summary>Incidents, silences and their API; added by <c>AddAlerting</c>, whose evaluator feeds them.</summary>
    public static IServiceCollection AddIncidents(this IServiceCollection services)
    {
        services.TryAddSingleton<IncidentStore>();
        services.TryAddSingleton<SilenceStore>();
        services.TryAddSingleton<IncidentQueries>();
        services.TryAddSingleton<IncidentActions>();
        services.TryAddSingleton<IncidentTracker>();
        return services;
    }

    public static WebApplication MapIncidents(this WebApplication app) => app.MapIncidentEndpoints().MapSilenceEndpoints();
}
