using System.Globalization;

namespace QualityWatch.Api;

/// <summary>
/// Query parameters shared by the <c>/v1</c> GET routes. Handlers bind every query value as a string
/// and parse it here, after the API gate has checked the key: a typed binding (<c>int? limit</c>)
/// would fail before the handler runs, with an empty 400 instead of the JSON error body. A date outside <see cref="EarliestDay"/> –
/// <see cref="LatestDay"/> is refused too, so day arithmetic never leaves the calendar (a 500).
/// </summary>
internal static class ApiQuery
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    /// <summary>The first day a query may name: nothing QualityWatch stores is older than Unix time 0.</summary>
    public static readonly DateOnly EarliestDay = new(1970, 1, 1);

    /// <summary>The last day a query may name: far enough from <see cref="DateOnly.MaxValue"/> for a week of arithmetic and any time zone.</summary>
    public static readonly DateOnly LatestDay = new(9999, 12, 1);

    public static readonly DateTimeOffset Earliest = new(EarliestDay, TimeOnly.MinValue, TimeSpan.Zero);

    public static readonly DateTimeOffset Latest = new(LatestDay, TimeOnly.MinValue, TimeSpan.Zero);

    /// <summary><c>limit</c>: absent = <see cref="DefaultLimit"/>; else a whole number 1–<see cref="MaxLimit"/>, or a 400 <c>invalid_limit</c>.</summary>
    public static IResult? Limit(string? value, out int limit)
    {
        limit = DefaultLimit;
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out limit) && limit is >= 1 and <= MaxLimit)
        {
            return null;
        }

        limit = DefaultLimit;
        return ApiErrors.Error(StatusCodes.Status400BadRequest, "invalid_limit", $"limit must be a whole number between 1 and {MaxLimit}, was '{value}'.");
    }

    /// <summary>A value from a closed set (absent = no filter), or a 400 <c>invalid_{name}</c> listing the allowed ones.</summary>
    public static IResult? OneOf(string name, string? value, IReadOnlyCollection<string> allowed) =>
        value is null || allowed.Contains(value, StringComparer.Ordinal)
            ? null
            : ApiErrors.Error(StatusCodes.Status400BadRequest, $"invalid_{name}", $"{name} must be {string.Join(", ", allowed)}, was '{value}'.");

    /// <summary>A filter given as an empty string is a mistake, not "everything": a 400 <c>invalid_{name}</c>.</summary>
    public static IResult? NotEmpty(string name, string? value) =>
        value is { Length: 0 }
            ? ApiErrors.Error(StatusCodes.Status400BadRequest, $"invalid_{name}", $"{name} must not be empty; leave it out for all.")
            : null;

    public static bool InCalendar(DateOnly day) => day >= EarliestDay && day <= LatestDay;

    public static bool InCalendar(DateTimeOffset instant) => instant >= Earliest && instant <= Latest;

    /// <summary>The calendar a date or instant parameter must fall in, for error messages.</summary>
    public static string CalendarText { get; } = string.Create(CultureInfo.InvariantCulture, $"between {EarliestDay:yyyy-MM-dd} and {LatestDay:yyyy-MM-dd}");
}
