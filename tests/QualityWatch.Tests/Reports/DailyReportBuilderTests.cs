using System.Buffers.Binary;
using Dapper;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Reports;

public sealed class DailyReportBuilderTests
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task Build_SeededDay_HasVolumeRateIntervalChangeAndCost()
    {
        using var fixture = await ReportFixture.CreateAsync();
        await fixture.Db.Rollup.RunAsync(CancellationToken.None);

        var report = await fixture.Builder.BuildAsync(March10, CancellationToken.None);

        var stream = Assert.Single(report.Streams);
        Assert.Equal("support", stream.Stream);
        Assert.Equal((1000L, 20L, 20L, 3L), (stream.Day.Interactions, stream.Day.Sampled, stream.Day.Judged, stream.Day.Hallucinations));
        Assert.Equal(5.0, stream.RateChangePoints!.Value, 1e-9);
        Assert.Equal(2, stream.Versions.Count);
        Assert.Equal(14, stream.History.Count);
        Assert.Equal([1L, 3L], stream.History.TakeLast(2).Select(h => h.Totals.Hallucinations));
        Assert.All(stream.History.Take(12), h => Assert.Equal(0, h.Totals.Judged));

        // 3/20 = 15.0%, Wilson 95% 5.2%–36.0%, +5.0 pp against 1/10 the day before, 20 x $0.02.
        Assert.Contains("Interactions: 1000", report.TextBody, StringComparison.Ordinal);
        Assert.Contains("15.0% (95% CI 5.2%–36.0%), 3 of 20", report.TextBody, StringComparison.Ordinal);
        Assert.Contains("day over day: +5.0 pp", report.TextBody, StringComparison.Ordinal);
        Assert.Contains("Judge cost: $0.4000", report.TextBody, StringComparison.Ordinal);
        Assert.Contains("15.0% (95% CI 5.2%–36.0%), 3 of 20", report.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("2026-03-10", report.Subject, StringComparison.Ordinal);
        Assert.Contains("hallucination rate 15.0%", report.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_WorstExamples_ShowRedactedResponsesAndClaimsLowestAccuracyFirst()
    {
        using var fixture = await ReportFixture.CreateAsync();
        await fixture.Db.Rollup.RunAsync(CancellationToken.None);

        var report = await fixture.Builder.BuildAsync(March10, CancellationToken.None);

        var worst = report.Streams[0].Worst;
        Assert.Equal(["d10-0", "d10-1", "d10-2"], worst.Select(w => w.InteractionId));
        Assert.Equal(["refund 0 already sent"], worst[0].UnsupportedClaims);
        Assert.Contains("Refund 0 was sent to [CARD_REDACTED] already.", report.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("unsupported: refund 2 already sent", report.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_Chart_IsAPlausiblePngReferencedByCid()
    {
        using var fixture = await ReportFixture.CreateAsync();
        await fixture.Db.Rollup.RunAsync(CancellationToken.None);

        var report = await fixture.Builder.BuildAsync(March10, CancellationToken.None);

        var chart = Assert.Single(report.Charts);
        Assert.Equal("image/png", chart.ContentType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, chart.Content[..8]);
        Assert.Equal("IHDR"u8.ToArray(), chart.Content[12..16]);
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(chart.Content.AsSpan(16, 4)));
        Assert.Equal(320, BinaryPrimitives.ReadInt32BigEndian(chart.Content.AsSpan(20, 4)));
        Assert.InRange(chart.Content.Length, 5_000, 1_000_000);
        Assert.Contains($"src=\"cid:{chart.ContentId}\"", report.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_NoAlertFired_SaysNone()
    {
        using var fixture = await ReportFixture.CreateAsync();

        var report = await fixture.Builder.BuildAsync(March10, CancellationToken.None);

        Assert.Empty(report.Alerts);
        Assert.Contains("Alerts: none fired.", report.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_AlertHistory_ListsOnlyAlertsThatFiredThatDay()
    {
        using var fixture = await ReportFixture.CreateAsync();
        using (var connection = Db.Open(fixture.Db.DatabasePath))
        {
            connection.Execute(
                """
                INSERT INTO alert_history (rule, stream, prompt_version, from_state, to_state, at, reason) VALUES
                    ('hallucination-rate-high', 'support', 'p1', 'pending', 'firing', @fired, 'rate above threshold'),
                    ('hallucination-rate-high', 'support', 'p1', 'firing', 'resolved', @resolved, 'rate back below threshold'),
                    ('cusum-shift', 'support', '', 'pending', 'firing', @dayBefore, 'statistic above h');
                """,
                new
                {
                    fired = Trends.TrendsDb.Ms("2026-03-10T11:00:00Z"),
                    resolved = Trends.TrendsDb.Ms("2026-03-10T15:00:00Z"),
                    dayBefore = Trends.TrendsDb.Ms("2026-03-09T23:59:00Z"),
                });
        }

        var report = await fixture.Builder.BuildAsync(March10, CancellationToken.None);

        var alert = Assert.Single(report.Alerts!);
        Assert.Equal(("hallucination-rate-high", "p1"), (alert.Rule, alert.PromptVersion));
        Assert.Contains("2026-03-10 11:00Z hallucination-rate-high stream support prompt_version p1", report.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("cusum-shift", report.TextBody, StringComparison.Ordinal);
    }
}
