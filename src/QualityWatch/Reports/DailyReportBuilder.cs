using Microsoft.Extensions.Options;
using QualityWatch.Calibration;
using QualityWatch.Notifications;
using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary>Builds one local day's report from the daily rollups, alert history, version changes and worst examples.</summary>
internal sealed class DailyReportBuilder(
    TrendQueries trends, ReportQueries queries, VersionChanges versionChanges, TrendCalendar calendar, CorrectedRates corrected, IOptions<ReportsOptions> options)
{
    public async Task<DailyReport> BuildAsync(DateOnly day, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var start = calendar.DayStart(day);
        var end = calendar.DayStart(day.AddDays(1));
        var first = day.AddDays(1 - settings.ChartDays);
        var buckets = await trends.GetAsync(TrendGranularity.Day, null, calendar.DayStartMs(first), end.ToUnixTimeMilliseconds(), cancellationToken);
        var changes = await versionChanges.BetweenAsync(null, calendar.DayStartMs(first), end.ToUnixTimeMilliseconds(), cancellationToken);

        var rates = await corrected.ForStreamsAsync(buckets.Select(b => b.Stream), cancellationToken);
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
            var streamChanges = changes.Where(c => c.Stream == group.Key).ToList();
            var around = new List<ChangeWindow>();
            foreach (var change in streamChanges.Where(c => c.FirstSeen >= start && c.FirstSeen < end))
            {
                around.Add(await AroundAsync(change, settings.HoursAroundChange, cancellationToken));
            }

            var contentId = $"trend-{streams.Count + 1}@qualitywatch";
            streams.Add(new StreamDay(
                group.Key, today, byDay.GetValueOrDefault(day.AddDays(-1)) ?? new TrendBucket(), versions, history, worst, contentId, streamChanges, around,
                rates.For(group.Key, today.Hallucinations, today.Judged)));
            charts.Add(new NotificationAttachment(
                $"trend-{streams.Count}.png", "image/png", TrendChart.Render(group.Key, history, settings.HallucinationThreshold, streamChanges, calendar), contentId));
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
            ReportRenderer.Text(day, calendar, streams, alerts, settings.HallucinationThreshold),
            ReportRenderer.Html(day, calendar, streams, alerts, settings.HallucinationThreshold),
            charts);
    }

    /// <summary>The hours from <paramref name="hours"/> before the change's hour to <paramref name="hours"/> after it.</summary>
    private async Task<ChangeWindow> AroundAsync(VersionChange change, int hours, CancellationToken cancellationToken)
    {
        var changeHour = TrendCalendar.HourStart(change.FirstSeen.ToUnixTimeMilliseconds());
        var from = changeHour - (hours * TrendCalendar.HourMs);
        var to = changeHour + ((hours + 1) * TrendCalendar.HourMs);
        var buckets = await trends.GetAsync(TrendGranularity.Hour, change.Stream, from, to, cancellationToken);
        var rows = new List<ChangeHour>();
        for (var hour = from; hour < to; hour += TrendCalendar.HourMs)
        {
            var inHour = buckets.Where(b => b.BucketStart == hour).ToList();
            var changed = inHour.Where(b => (change.Dimension == Sampling.VersionDimensions.PromptVersion ? b.PromptVersion : b.Model) == change.Value);
            rows.Add(new ChangeHour(DateTimeOffset.FromUnixTimeMilliseconds(hour), Sum(inHour), Sum(changed)));
        }

        return new ChangeWindow(change, rows);
    }

    private static TrendBucket Sum(IEnumerable<TrendBucket> buckets) => buckets.Aggregate(new TrendBucket(), (total, b) => total.Add(b));
}
