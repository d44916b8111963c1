using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Reports;

/// <summary>The report's deploy markers, its hour-by-hour view around each change, and examples with their prompt and context.</summary>
public sealed class DailyReportChangesTests
{
    private static readonly DateOnly March10 = new(2026, 3, 10);

    [Fact]
    public async Task Build_PromptVersionChangeThatDay_IsADeployMarkerWithItsHoursAround()
    {
        using var fixture = await ReportFixture.CreateAsync();
        await fixture.Db.Rollup.RunAsync(CancellationToken.None);

        var report = await fixture.Builder.BuildAsync(March10, CancellationToken.None);

        // p1 ran since 03-09; p2's first sample is 2026-03-10T09:10Z.
        var stream = Assert.Single(report.Streams);
        var change = Assert.Single(stream.Changes);
        Assert.Equal(("prompt_version", "p1", "p2"), (change.Dimension, change.Previous, change.Value));
        Assert.Equal(DateTimeOffset.Parse("2026-03-10T09:10:00Z", System.Globalization.CultureInfo.InvariantCulture), change.FirstSeen);
        var window = Assert.Single(stream.AroundChanges);
        Assert.Equal(13, window.Hours.Count);
        Assert.Equal(DateTimeOffset.Parse("2026-03-10T03:00:00Z", System.Globalization.CultureInfo.InvariantCulture), window.Hours[0].Start);
        var nine = window.Hours.Single(h => h.Start.Hour == 9);
        Assert.Equal((20L, 10L), (nine.All.Judged, nine.Changed.Judged));
        Assert.All(window.Hours.Where(h => h.Start.Hour != 9), h => Assert.Equal(0, h.All.Judged));

        Assert.Contains("Deploy: prompt_version p1 → p2 at 2026-03-10 09:10Z", report.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h3>Hour by hour around prompt_version p1 → p2</h3>", report.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("<td>2026-03-10 09:00Z</td><td align=\"right\">20</td><td>15.0% (5.2%–36.0%)</td><td align=\"right\">10</td><td>0.0%</td>", report.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_TimesShowInTheConfiguredZone_InIsoForm()
    {
        using var fixture = await ReportFixture.CreateAsync(zone: "Europe/Berlin");
        await fixture.Db.Rollup.RunAsync(CancellationToken.None);

        var report = await fixture.Builder.BuildAsync(March10, CancellationToken.None);

        Assert.Contains("Deploy: prompt_version p1 → p2 at 2026-03-10 10:10+01:00", report.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_NoChangeInTheWindow_HasNoMarkersAndNoHourlyView()
    {
        using var fixture = await ReportFixture.CreateAsync();
        await fixture.Db.Rollup.RunAsync(CancellationToken.None);

        var report = await fixture.Builder.BuildAsync(new DateOnly(2026, 3, 9), CancellationToken.None);

        var stream = Assert.Single(report.Streams);
        Assert.Empty(stream.Changes);
        Assert.Empty(stream.AroundChanges);
        Assert.DoesNotContain("Hour by hour", report.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_WorstExamples_CarryTheirPromptAndContext()
    {
        using var fixture = await ReportFixture.CreateAsync();
        Db.Scalar<long>(fixture.Db.DatabasePath, "UPDATE samples SET context = 'Refunds take 5 days [EMAIL_REDACTED].' WHERE interaction_id = 'd10-0'; SELECT 0;");
        await fixture.Db.Rollup.RunAsync(CancellationToken.None);

        var report = await fixture.Builder.BuildAsync(March10, CancellationToken.None);

        var worst = report.Streams[0].Worst[0];
        Assert.Equal(("Where is my order?", "Refunds take 5 days [EMAIL_REDACTED]."), (worst.Prompt, worst.Context));
        Assert.Contains("<p><b>Prompt</b></p><blockquote>Where is my order?</blockquote><p><b>Context</b></p><blockquote>Refunds take 5 days [EMAIL_REDACTED].</blockquote>", report.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("    context:  Refunds take 5 days [EMAIL_REDACTED].", report.TextBody, StringComparison.Ordinal);
        Assert.Contains("    context:  (none)", report.TextBody, StringComparison.Ordinal);
    }
}
