using System.Globalization;
using Microsoft.Extensions.Options;
using QualityWatch.Notifications;
using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary>
/// Sends every completed day's report that is due and not yet sent: yesterday's once the local
/// clock passes Reports:SendAt, and any day within Reports:CatchUpDays missed while the service
/// was down, from the day of the first interaction on. The outbox is handed the report before the day is marked sent, so a crash between
/// the two re-sends with the same key ("report:YYYY-MM-DD") rather than losing the report.
/// </summary>
internal sealed class DailyReportSender(
    DailyReportBuilder builder,
    ReportStore store,
    INotificationOutbox outbox,
    TrendRollup rollup,
    TrendCalendar calendar,
    IOptions<ReportsOptions> options,
    TimeProvider time,
    ILogger<DailyReportSender> logger)
{
    /// <summary>Sends what is due; returns the days sent, oldest first.</summary>
    public async Task<IReadOnlyList<DateOnly>> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var sent = new List<DateOnly>();
        if (!settings.Enabled)
        {
            return sent;
        }

        // Days before the first interaction have nothing to report: a fresh install sends no
        // catch-up reports of empty days.
        if (await store.FirstTrafficAsync(cancellationToken) is not { } firstTraffic)
        {
            return sent;
        }

        var now = time.GetUtcNow();
        var today = calendar.DayOf(now);
        var rolledUp = false;
        var from = calendar.DayOf(firstTraffic) is var first && first > today.AddDays(-settings.CatchUpDays) ? first : today.AddDays(-settings.CatchUpDays);
        for (var day = from; day < today; day = day.AddDays(1))
        {
            if (now < calendar.At(day.AddDays(1), settings.SendAt) || await store.IsSentAsync(day, cancellationToken))
            {
                continue;
            }

            if (!rolledUp)
            {
                // The report reads rollups: fold in whatever was judged since the last rollup run.
                await rollup.RunAsync(cancellationToken);
                rolledUp = true;
            }

            var report = await builder.BuildAsync(day, cancellationToken);
            await outbox.EnqueueAsync(ToNotification(report), cancellationToken);
            await store.SaveSentAsync(report, time.GetUtcNow(), cancellationToken);
            Log.ReportSent(logger, day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.Streams.Count);
            sent.Add(day);
        }

        return sent;
    }

    public static Notification ToNotification(DailyReport report)
    {
        var day = report.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var judged = report.Streams.Sum(s => s.Day.Judged);
        var hallucinations = report.Streams.Sum(s => s.Day.Hallucinations);
        return new Notification(
            NotificationKinds.Report,
            Key: $"report:{day}",
            Reason: $"daily report for {day} ({report.TimeZone})",
            report.Subject,
            report.TextBody,
            report.HtmlBody,
            Labels: new Dictionary<string, string> { ["kind"] = NotificationKinds.Report, ["day"] = day },
            Annotations: new Dictionary<string, string>
            {
                ["streams"] = report.Streams.Count.ToString(CultureInfo.InvariantCulture),
                ["judged"] = judged.ToString(CultureInfo.InvariantCulture),
                ["hallucinations"] = hallucinations.ToString(CultureInfo.InvariantCulture),
            },
            StartsAt: report.Start,
            EndsAt: null,
            EvidenceJson: null,
            Attachments: report.Charts);
    }
}
