using System.Globalization;
using QualityWatch.Trends;

namespace QualityWatch.WebConsole;

/// <summary>Times as the console shows them: ISO 8601 in <c>Trends:TimeZone</c>, with the offset, to the second.</summary>
internal sealed class ConsoleClock(TrendCalendar calendar, TimeProvider time)
{
    public TimeZoneInfo Zone => calendar.Zone;

    public DateTimeOffset Now => time.GetUtcNow();

    public DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, calendar.Zone);

    /// <summary><c>2026-12-06 17:20:03 +01:00</c>: ISO order, readable, unambiguous.</summary>
    public string Format(DateTimeOffset instant) => Local(instant).ToString("yyyy-MM-dd HH:mm:ss zzz", CultureInfo.InvariantCulture);

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c>.</summary>
    public static string Iso(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
