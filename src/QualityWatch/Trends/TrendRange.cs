using System.Globalization;
using QualityWatch.Api;

namespace QualityWatch.Trends;

/// <summary>
/// The bucket range a <c>GET /v1/trends</c> asks for: [From, To) in Unix ms, aligned to bucket
/// starts. <c>from</c>/<c>to</c> are ISO 8601 instants or local dates (YYYY-MM-DD in
/// Trends:TimeZone); a date <c>to</c> includes that whole day.
/// </summary>
internal sealed record TrendRange(string Granularity, long From, long To)
{
    public static readonly TimeSpan MaxHourly = TimeSpan.FromDays(31);
    public static readonly int MaxDays = 400;

    /// <summary>Parses the query; on failure returns null and an error code and message for a 400.</summary>
    public static TrendRange? Parse(string? granularity, string? from, string? to, DateTimeOffset now, TrendCalendar calendar, out (string Code, string Message) error)
    {
        error = default;
        granularity ??= TrendGranularity.Day;
        if (granularity is not (TrendGranularity.Hour or TrendGranularity.Day))
        {
            error = ("invalid_granularity", $"granularity must be hour or day, was '{granularity}'.");
            return null;
        }

        var hourly = granularity == TrendGranularity.Hour;
        long? fromMs = null, toMs = null;
        if (from is not null && (fromMs = ParseInstant(from, calendar, endOfDay: false)) is null)
        {
            error = ("invalid_from", $"from must be an ISO 8601 instant (2026-03-01T00:00:00Z) or a date (2026-03-01), {ApiQuery.CalendarText}, was '{from}'.");
            return null;
        }

        if (to is not null && (toMs = ParseInstant(to, calendar, endOfDay: true)) is null)
        {
            error = ("invalid_to", $"to must be an ISO 8601 instant (2026-03-02T00:00:00Z) or a date (2026-03-01), {ApiQuery.CalendarText}, was '{to}'.");
            return null;
        }

        var nowMs = now.ToUnixTimeMilliseconds();
        var end = toMs ?? (hourly ? TrendCalendar.HourStart(nowMs) + TrendCalendar.HourMs : calendar.DayStartMs(calendar.DayOf(now).AddDays(1)));
        var start = fromMs ?? (hourly ? end - (long)TimeSpan.FromHours(24).TotalMilliseconds : calendar.DayStartMs(calendar.DayOf(end - 1).AddDays(-13)));
        start = hourly ? TrendCalendar.HourStart(start) : calendar.DayStartMs(calendar.DayOf(start));
        if (start >= end)
        {
            error = ("invalid_range", "from must be before to.");
            return null;
        }

        var tooLong = hourly
            ? end - start > (long)MaxHourly.TotalMilliseconds
            : calendar.DayOf(end - 1).DayNumber - calendar.DayOf(start).DayNumber + 1 > MaxDays;
        if (tooLong)
        {
            error = ("range_too_large", hourly ? "An hourly range may span at most 31 days." : $"A daily range may span at most {MaxDays} days.");
            return null;
        }

        return new TrendRange(granularity, start, end);
    }

    private static long? ParseInstant(string text, TrendCalendar calendar, bool endOfDay)
    {
        // Out of the calendar is refused like unparseable: day and zone arithmetic would overflow.
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return ApiQuery.InCalendar(day) ? calendar.DayStartMs(endOfDay ? day.AddDays(1) : day) : null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && ApiQuery.InCalendar(instant)
            ? instant.ToUnixTimeMilliseconds()
            : null;
    }
}
