using Microsoft.Extensions.Options;
using QualityWatch.Notifications;
using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary>Builds one local day's report from the daily rollups, alert history and worst examples.</summary>
public sealed class DailyReportBuilder(TrendQueries trends, ReportQueries queries, TrendCalendar calendar, IOptions<ReportsOptions> options)
{
    public async Task<DailyReport> BuildAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var start = calendar.DayStart(day);
        var end = calendar.DayStart(day.AddDays(1));
        var first = day.AddDays(1 - settings.ChartDays);
        var buckets = await trends.GetAsync(TrendGranularity.Day, null, calendar.DayStartMs(first), end.ToUnixTimeMilliseconds(), cancellationToken);

        var streams = new List<StreamDay>();
        var charts = new List<NotificationAttachment>();
        foreach (var group in buckets.GroupBy(b => b.Stream).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var byDay = group.GroupBy(b => calendar.DayOf(b.BucketStart)).ToDictionary(g => g.Key, g => Sum(g));
            var history = Enumerable.Range(0, settings.ChartDays)
                .Select(i => first.AddDays(i))
                .Select(d => (d, byDay.GetValueOrDefault(d) ?? new TrendBucket()))
                .ToList();
            var today = byDay.GetValueOrDefault(day) ?? new TrendBucket();
            var versions = group.Where(b => calendar.DayOf(b.BucketStart) == day).ToList();
            var worst = await queries.WorstAsync(group.Key, start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(), settings.WorstExamples, cancellationToken);
            var contentId = $"trend-{streams.Count + 1}@qualitywatch";
            streams.Add(new StreamDay(group.Key, today, byDay.GetValueOrDefault(day.AddDays(-1)) ?? new TrendBucket(), versions, history, worst, contentId));
            charts.Add(new NotificationAttachment(
                $"trend-{streams.Count}.png", "image/png", TrendChart.Render(group.Key, history, settings.HallucinationThreshold), contentId));
        }

        var alerts = await queries.AlertsFiredAsync(start.ToUnixTimeMilliseconds(), end.ToUnixTimeMilliseconds(), cancellationToken);
        var subject = ReportRenderer.Subject(day, streams);
        return new DailyReport(
            day,
            calendar.Zone.Id,
            start,
            end,
            streams,
            alerts,
            subject,
            ReportRenderer.Text(day, calendar.Zone.Id, streams, alerts, settings.HallucinationThreshold),
            ReportRenderer.Html(day, calendar.Zone.Id, streams, alerts, settings.HallucinationThreshold),
            charts);
    }

    private static TrendBucket Sum(IEnumerable<TrendBucket> buckets) => buckets.Aggregate(new TrendBucket(), (total, b) => total.Add(b));
}
