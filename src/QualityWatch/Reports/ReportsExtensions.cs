using System.Globalization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Quartz;
using QualityWatch.Judging;
using QualityWatch.Notifications;
using QualityWatch.Trends;

namespace QualityWatch.Reports;

internal static class ReportsExtensions
{
    private const string JobName = "daily-report";

    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<ReportsOptions, ReportsOptionsValidator>().BindConfiguration(ReportsOptions.SectionName);
        services.AddCurrentRubric();
        services.TryAddSingleton<ReportQueries>();
        services.TryAddSingleton<ReportStore>();
        services.TryAddSingleton<DailyReportBuilder>();
        services.TryAddSingleton<DailyReportSender>();

        // Only so the app starts before the notifications outbox exists; a real one registered earlier wins.

        services.AddQuartz(q =>
        {
            q.AddJob<DailyReportJob>((_, job) => job.WithIdentity(JobName));

            // Once at start-up: sends any completed day missed while the service was down.
            q.AddTrigger<DailyReportJob>((_, trigger) => trigger.ForJob(JobName).WithIdentity("daily-report-startup").StartNow());
            q.AddTrigger<DailyReportJob>((sp, trigger) =>
            {
                var sendAt = sp.GetRequiredService<IOptions<ReportsOptions>>().Value.SendAt;
                var zone = sp.GetRequiredService<TrendCalendar>().Zone;
                trigger.ForJob(JobName).WithIdentity("daily-report-daily")
                    .WithCronSchedule(CronScheduleBuilder.Create(string.Create(CultureInfo.InvariantCulture, $"0 {sendAt.Minute} {sendAt.Hour} * * ?")).InTimeZone(zone));
            });
        });
        return services;
    }

    public static WebApplication MapReports(this WebApplication app) => app.MapReportEndpoints();
}
