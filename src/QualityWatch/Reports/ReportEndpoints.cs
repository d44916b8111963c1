using System.Globalization;
using QualityWatch.Api;
using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary><c>GET /v1/reports/daily?date=YYYY-MM-DD</c>: the report as HTML, charts inline as data URIs.</summary>
internal static class ReportEndpoints
{
    public static WebApplication MapReportEndpoints(this WebApplication app)
    {
        app.MapGet("/v1/reports/daily", DailyAsync).RequireAuthorization(ApiRoles.Read);
        return app;
    }

    private static async Task<IResult> DailyAsync(
        ReportStore store, DailyReportBuilder builder, TrendRollup rollup, TrendCalendar calendar, TimeProvider time,
        string? date, CancellationToken cancellationToken)
    {

        var today = calendar.DayOf(time.GetUtcNow());
        var day = today.AddDays(-1);
        if (date is not null && !(DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && ApiQuery.InCalendar(day)))
        {
            return ApiErrors.Error(
                StatusCodes.Status400BadRequest, "invalid_date", $"date must be a local date YYYY-MM-DD in {calendar.Zone.Id}, {ApiQuery.CalendarText}, was '{date}'.");
        }

        if (day > today)
        {
            return ApiErrors.Error(StatusCodes.Status400BadRequest, "invalid_date", $"date {date} is in the future in {calendar.Zone.Id}.");
        }

        // What was sent is what is shown; a day not sent yet (or today, so far) is built now.
        if (await store.GetAsync(day, cancellationToken) is { } stored)
        {
            return Results.Content(DailyReport.InlineCharts(stored.HtmlBody, stored.Charts), "text/html; charset=utf-8");
        }

        await rollup.RunAsync(cancellationToken);
        var report = await builder.BuildAsync(day, cancellationToken);
        return Results.Content(DailyReport.InlineCharts(report.HtmlBody, report.Charts), "text/html; charset=utf-8");
    }
}
