using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using QualityWatch.Judging;
using QualityWatch.Telemetry;

namespace QualityWatch.Trends;

internal static class TrendsExtensions
{
    public static IServiceCollection AddTrends(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<TrendsOptions, TrendsOptionsValidator>().BindConfiguration(TrendsOptions.SectionName);
        services.TryAddSingleton<TrendCalendar>();
        services.AddCurrentRubric();
        services.TryAddSingleton<TrendRollup>();
        services.TryAddSingleton<TrendQueries>();
        services.TryAddSingleton<VersionChanges>();
        services.AddHostedService<VersionFirstSeenGauge>();
        services.TryAddSingleton<LogThrottle>();
        services.AddQuartz(q => q.ScheduleJob<TrendRollupJob>(
            (sp, trigger) => trigger
                .WithIdentity("trends-rollup")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(sp.GetRequiredService<IOptions<TrendsOptions>>().Value.RollupInterval).RepeatForever()),
            (_, job) => job.WithIdentity("trends-rollup")));
        services.AddHostedService<TrendShutdownRollup>();
        return services;
    }

    public static WebApplication MapTrends(this WebApplication app) => app.MapTrendEndpoints();
}
