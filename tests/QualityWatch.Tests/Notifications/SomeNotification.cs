using QualityWatch.Notifications;

namespace QualityWatch.Tests.Notifications;

/// <summary>Object mother for notifications.</summary>
internal static class SomeNotification
{
    public static Notification Firing(string key = "hallucination-rate:support", string reason = "rule hallucination_rate > 5% for stream support") => new(
        NotificationKinds.Firing,
        key,
        reason,
        "[FIRING] Hallucination rate 9.1% on support",
        "Hallucination rate 9.1% (27/296) over 2 h, threshold 5%.",
        "<p>Hallucination rate <b>9.1%</b></p>",
        new Dictionary<string, string> { ["alertname"] = "HallucinationRateHigh", ["severity"] = "page", ["stream"] = "support", ["prompt_version"] = "v42" },
        new Dictionary<string, string> { ["summary"] = "Hallucination rate 9.1% on support" },
        new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero),
        null,
        """{"rate":0.091,"samples":296,"hallucinations":27}""",
        []);

    public static Notification Resolved(string key = "hallucination-rate:support") => Firing(key) with
    {
        Kind = NotificationKinds.Resolved,
        Reason = "rate back under threshold",
        Subject = "[RESOLVED] Hallucination rate on support",
        EndsAt = DateTimeOffset.UtcNow.AddSeconds(-1),
    };

    public static Notification Report(byte[] chart) => new(
        NotificationKinds.Report,
        "daily-report:2026-11-23",
        "daily report schedule",
        "QualityWatch daily report 2026-11-23",
        "Accuracy 4.4, tone 4.7, hallucinations 2.1%.",
        "<h1>Daily report</h1><img src=\"cid:trend-chart\">",
        new Dictionary<string, string>(),
        new Dictionary<string, string>(),
        new DateTimeOffset(2026, 11, 24, 6, 0, 0, TimeSpan.Zero),
        null,
        null,
        [new NotificationAttachment("trend.png", "image/png", chart, "trend-chart")]);
}
