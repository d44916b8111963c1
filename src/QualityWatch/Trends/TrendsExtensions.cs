namespace QualityWatch.Trends;

public static class TrendsExtensions
{
    public static IServiceCollection AddTrends(this IServiceCollection services) => services;

    public static WebApplication MapTrends(this WebApplication app) => app;
}
