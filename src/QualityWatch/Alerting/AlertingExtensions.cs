namespace QualityWatch.Alerting;

public static class AlertingExtensions
{
    public static IServiceCollection AddAlerting(this IServiceCollection services) => services;

    public static WebApplication MapAlerting(this WebApplication app) => app;
}
