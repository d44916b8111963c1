using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using QualityWatch.Alerting;
using QualityWatch.Telemetry;

namespace QualityWatch.Canary;

internal static class CanaryExtensions
{
    private const string JobName = "judge-canary";

    public static IServiceCollection AddCanary(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<CanaryOptions, CanaryOptionsValidator>().BindConfiguration(CanaryOptions.SectionName);
        services.TryAddSingleton(sp => ReferenceSet.Load(sp.GetRequiredService<IOptions<CanaryOptions>>().Value.ReferenceSet));
        services.TryAddSingleton<CanaryStore>();
        services.TryAddSingleton<CanaryRunner>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMetricGauges, CanaryGauges>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertRule, CanaryRule>());
        services.AddQuartz(q =>
        {
            q.AddJob<CanaryJob>((_, job) => job.WithIdentity(JobName));
            q.AddTrigger<CanaryJob>((sp, trigger) =>
            {
                var options = sp.GetRequiredService<IOptions<CanaryOptions>>().Value;
                // Always scheduled: Quartz refuses a trigger that can never fire, so CanaryJob itself skips a disabled canary.
                trigger.ForJob(JobName).WithIdentity("judge-canary-schedule").WithCronSchedule(options.Schedule, cron => cron.InTimeZone(TimeZoneInfo.Utc));
            });
        });
        return services;
    }
}
