using QualityWatch.Notifications;

namespace QualityWatch.Reports;

/// <summary>A built daily report: the email HTML references its charts as <c>cid:</c> images.</summary>
internal sealed record DailyReport(
    DateOnly Day,
    string TimeZone,
    DateTimeOffset Start,
    DateTimeOffset End,
    IReadOnlyList<StreamDay> Streams,
    IReadOnlyList<AlertFired> Alerts,
    string Subject,
    string TextBody,
    string HtmlBody,
    IReadOnlyList<NotificationAttachment> Charts)
{
    /// <summary>The HTML with each <c>cid:</c> image replaced by a data URI, for a browser.</summary>
    public static string InlineCharts(string html, IEnumerable<NotificationAttachment> charts) =>
        charts.Aggregate(html, (text, chart) => text.Replace($"cid:{chart.ContentId}", $"data:{chart.ContentType};base64,{Convert.ToBase64String(chart.Content)}", StringComparison.Ordinal));
}
