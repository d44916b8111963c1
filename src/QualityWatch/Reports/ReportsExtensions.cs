namespace QualityWatch.Reports;

public static class ReportsExtensions
{
    public static IServiceCollection AddReports(this IServiceCollection services) => services;

    public static WebApplication MapReports(this WebApplication app) => app;
}
