using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using QualityWatch.Calibration;
using QualityWatch.Notifications;
using QualityWatch.Telemetry;
using QualityWatch.Incidents;
using QualityWatch.Judging;

namespace QualityWatch.Alerting;

internal static class AlertingExtensions
{
    public static IServiceCollection AddAlerting(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<AlertingOptions, AlertingOptionsValidator>().BindConfiguration(AlertingOptions.SectionName);
        services.TryAddSingleton<AlertStore>();
        services.AddCurrentRubric();
        services.TryAddSingleton<VerdictQueries>();
        services.TryAddSingleton<OperationalQueries>();
        services.TryAddSingleton<CusumStore>();
        // Rate rules read the judge's calibration (the reader itself is the Calibration feature's; hosts that test alerting alone still get one).
        services.TryAddSingleton<CalibrationReader>();
        services.TryAddSingleton<AlertEvaluator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMetricGauges, AlertGauges>());

        // The corrected-rate gauge sits beside the judged one, over the same window.
        services.AddCalibration();
        services.AddIncidents();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertRule, HallucinationRateRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertRule, SequentialRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertRule, JudgeFailureRatioRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertRule, BacklogRule>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAlertRule, IngestStalledRule>());
        // Two instances of one type: TryAddEnumerable cannot tell factories apart, so these are added plainly.
        services.AddSingleton<IAlertRule>(sp => new ScoreMeanRule(sp.GetRequiredService<VerdictQueries>(), AlertRuleKinds.AccuracyMean));
        services.AddSingleton<IAlertRule>(sp => new ScoreMeanRule(sp.GetRequiredService<VerdictQueries>(), AlertRuleKinds.ToneMean));

        services.AddQuartz(q =>
        {
            q.AddJob<AlertEvaluationJob>(j => j.WithIdentity(AlertEvaluationJob.Key));

            // The trigger is built from the provider so it uses the validated EvaluationInterval.
            q.AddTrigger((provider, t) => t
                .ForJob(AlertEvaluationJob.Key)
                .WithIdentity("alert-evaluation-trigger", "alerting")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(provider.GetRequiredService<IOptions<AlertingOptions>>().Value.EvaluationInterval).RepeatForever()));
        });
        return services;
    }

    public static WebApplication MapAlerting(this WebApplication app) => app.MapAlertEndpoints().MapIncidents();
}
