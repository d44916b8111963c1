using QualityWatch.Trends;

namespace QualityWatch.Tests.Trends;

public sealed class TrendCalendarTests
{
    [Theory]
    [InlineData("America/New_York", "2026-03-08", "2026-03-08T05:00:00Z", 23)]
    [InlineData("America/New_York", "2026-11-01", "2026-11-01T04:00:00Z", 25)]
    [InlineData("America/New_York", "2026-01-15", "2026-01-15T05:00:00Z", 24)]
    [InlineData("Europe/Berlin", "2026-03-29", "2026-03-28T23:00:00Z", 23)]
    [InlineData("Asia/Kolkata", "2026-03-29", "2026-03-28T18:30:00Z", 24)]
    [InlineData("UTC", "2026-03-29", "2026-03-29T00:00:00Z", 24)]
    public void DayStart_LocalMidnight_IncludingDstDays(string zone, string day, string expectedStart, int hours)
    {
        var calendar = new TrendCalendar(TimeZoneInfo.FindSystemTimeZoneById(zone));
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(TrendsDb.Ms(expectedStart), calendar.DayStartMs(date));
        Assert.Equal(TimeSpan.FromHours(hours).TotalMilliseconds, calendar.DayStartMs(date.AddDays(1)) - calendar.DayStartMs(date));
        Assert.Equal(date, calendar.DayOf(calendar.DayStart(date)));
        Assert.Equal(date.AddDays(-1), calendar.DayOf(calendar.DayStartMs(date) - 1));
    }
}
