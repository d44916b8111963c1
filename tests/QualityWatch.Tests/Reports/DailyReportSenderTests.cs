using QualityWatch.Notifications;
using QualityWatch.Reports;

namespace QualityWatch.Tests.Reports;

public sealed class DailyReportSenderTests
{
    [Fact]
    public async Task Run_BeforeSendAt_SendsNothing_AtSendAt_SendsYesterdayOnce()
    {
        using var fixture = await ReportFixture.CreateAsync("2026-03-11T06:59:00Z", options: new ReportsOptions { SendAt = new TimeOnly(7, 0), CatchUpDays = 1 });

        Assert.Empty(await fixture.Sender.RunAsync(CancellationToken.None));

        fixture.SetNow("2026-03-11T07:00:00Z");
        Assert.Equal([new DateOnly(2026, 3, 10)], await fixture.Sender.RunAsync(CancellationToken.None));
        fixture.SetNow("2026-03-11T09:00:00Z");
        Assert.Empty(await fixture.Sender.RunAsync(CancellationToken.None));

        var sent = Assert.Single(fixture.Outbox.Sent);
        Assert.Equal((NotificationKinds.Report, "report:2026-03-10"), (sent.Kind, sent.Key));
        Assert.Contains("daily report for 2026-03-10", sent.Reason, StringComparison.Ordinal);
        Assert.Null(sent.EndsAt);
        Assert.Equal(DateTimeOffset.Parse("2026-03-10T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture), sent.StartsAt);
        var chart = Assert.Single(sent.Attachments);
        Assert.Contains($"cid:{chart.ContentId}", sent.HtmlBody, StringComparison.Ordinal);

        // The rollup ran before building: the report carries the day's numbers without a separate rollup run.
        Assert.Contains("3 of 20", sent.TextBody, StringComparison.Ordinal);
        Assert.True(await fixture.Store.IsSentAsync(new DateOnly(2026, 3, 10), CancellationToken.None));
    }

    [Fact]
    public async Task Run_AfterDowntime_CatchesUpEveryUnsentDayWithinTheWindowOnly()
    {
        using var fixture = await ReportFixture.CreateAsync("2026-03-10T07:30:00Z", options: new ReportsOptions { CatchUpDays = 3 });

        // The window reaches back to the 7th, but traffic began on the 9th: no reports of empty days before it.
        Assert.Equal([new DateOnly(2026, 3, 9)], await fixture.Sender.RunAsync(CancellationToken.None));

        // Down from the 10th to the 15th: the 11th is outside the 3-day window, the 12th-14th are sent once each.
        fixture.SetNow("2026-03-15T09:00:00Z");
        var caughtUp = await fixture.Sender.RunAsync(CancellationToken.None);

        Assert.Equal([new DateOnly(2026, 3, 12), new DateOnly(2026, 3, 13), new DateOnly(2026, 3, 14)], caughtUp);
        Assert.Equal(["report:2026-03-09", "report:2026-03-12", "report:2026-03-13", "report:2026-03-14"], fixture.Outbox.Sent.Select(n => n.Key));
        Assert.Empty(await fixture.Sender.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Run_BeforeAnyTraffic_SendsNothingThenStartsAtTheFirstDay()
    {
        using var fixture = await ReportFixture.CreateAsync("2026-03-11T08:00:00Z", options: new ReportsOptions { CatchUpDays = 3 });
        await using (var connection = await fixture.Db.Connections.OpenAsync(CancellationToken.None))
        {
            await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM volume_hourly;");
        }

        Assert.Empty(await fixture.Sender.RunAsync(CancellationToken.None));
        Assert.Empty(fixture.Outbox.Sent);

        fixture.Db.Volume("2026-03-10T23:00:00Z", 5);
        Assert.Equal([new DateOnly(2026, 3, 10)], await fixture.Sender.RunAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Run_SendAtInNewYork_WaitsForLocalMorning()
    {
        using var fixture = await ReportFixture.CreateAsync("2026-03-11T10:59:00Z", zone: "America/New_York", options: new ReportsOptions { SendAt = new TimeOnly(7, 0), CatchUpDays = 1 });

        // 10:59Z is 06:59 EDT: not yet. 11:00Z is 07:00 EDT.
        Assert.Empty(await fixture.Sender.RunAsync(CancellationToken.None));
        fixture.SetNow("2026-03-11T11:00:00Z");

        Assert.Equal([new DateOnly(2026, 3, 10)], await fixture.Sender.RunAsync(CancellationToken.None));
        Assert.Equal(DateTimeOffset.Parse("2026-03-10T04:00:00Z", System.Globalization.CultureInfo.InvariantCulture), fixture.Outbox.Sent[0].StartsAt);
    }

    [Fact]
    public async Task Run_Disabled_SendsNothing()
    {
        using var fixture = await ReportFixture.CreateAsync("2026-03-11T08:00:00Z", options: new ReportsOptions { Enabled = false });

        Assert.Empty(await fixture.Sender.RunAsync(CancellationToken.None));
        Assert.Empty(fixture.Outbox.Sent);
    }
}
