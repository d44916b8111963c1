using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace QualityWatch.Trends;

/// <summary>
/// Cuts time into UTC hours and local days in <c>Trends:TimeZone</c>. A local day is
/// [local midnight, next local midnight), so a DST day is 23 or 25 hours long.
/// </summary>
internal sealed class TrendCalendar
{
    public const long HourMs = 3_600_000;

    public TrendCalendar(IOptions<TrendsOptions> options)
        : this(TryFindZone(options.Value.TimeZone, out var zone) ? zone : TimeZoneInfo.Utc)
    {
    }

    public TrendCalendar(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    public static bool TryFindZone(string id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            zone = null;
            return false;
        }
    }

    public static long HourStart(long unixMs) => unixMs - (((unixMs % HourMs) + HourMs) % HourMs);

    /// <summary>The local date an instant falls on.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    public DateOnly DayOf(long unixMs) => DayOf(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));

    /// <summary>The instant the local day starts.</summary>
    public DateTimeOffset DayStart(DateOnly day) => At(day, TimeOnly.MinValue);

    public long DayStartMs(DateOnly day) => DayStart(day).ToUnixTimeMilliseconds();

    /// <summary>
    /// The instant a local wall-clock time happens on a day. A time skipped by a DST jump maps to
    /// the first valid minute after it; a repeated time maps to its first occurrence.
    /// </summary>
    public DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        while (Zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset);
    }
}
