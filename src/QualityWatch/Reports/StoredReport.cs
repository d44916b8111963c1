using QualityWatch.Notifications;

namespace QualityWatch.Reports;

/// <summary>A report as stored in <c>daily_reports</c>, with its charts.</summary>
internal sealed record StoredReport(string Day, string Subject, string HtmlBody, DateTimeOffset? SentAt, IReadOnlyList<NotificationAttachment> Charts);
