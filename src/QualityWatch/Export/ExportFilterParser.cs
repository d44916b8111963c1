using System.Globalization;

namespace QualityWatch.Export;

/// <summary>
/// One reading of the export filters for both the CLI (<c>--prompt-version v3</c>) and the API
/// (<c>prompt_version=v3</c>): values come in by their snake_case name, so both refuse the same mistakes
/// with the same words. Returns the parameter name and message of the first problem.
/// </summary>
internal static class ExportFilterParser
{
    public static readonly string[] Names =
    [
        "label", "stream", "from", "to", "prompt_version", "model", "hallucination",
        "accuracy_min", "accuracy_max", "tone_min", "tone_max", "reviewed",
    ];

    public static ExportFilter? Parse(Func<string, IReadOnlyList<string>> values, out string? errorName, out string? error)
    {
        errorName = null;
        error = null;
        string? bad = null;
        string? message = null;

        string? One(string name)
        {
            var all = values(name);
            if (all.Count > 1)
            {
                Fail(name, $"{name} may be given once.");
            }

            if (all.Count == 1 && all[0].Length == 0)
            {
                Fail(name, $"{name} must not be empty; leave it out for all.");
            }

            return all.Count == 0 ? null : all[0];
        }

        void Fail(string name, string text)
        {
            bad ??= name;
            message ??= text;
        }

        var labels = new List<KeyValuePair<string, string>>();
        foreach (var label in values("label"))
        {
            var equals = label.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                Fail("label", $"label must be key=value, e.g. dataset=customer-support-v2, was '{label}'.");
                continue;
            }

            labels.Add(new(label[..equals], label[(equals + 1)..]));
        }

        var filter = new ExportFilter
        {
            Labels = labels,
            Stream = One("stream"),
            From = Time(One("from"), "from", Fail),
            To = Time(One("to"), "to", Fail),
            PromptVersion = One("prompt_version"),
            Model = One("model"),
            Hallucination = Bool(One("hallucination"), "hallucination", Fail),
            AccuracyMin = Score(One("accuracy_min"), "accuracy_min", Fail),
            AccuracyMax = Score(One("accuracy_max"), "accuracy_max", Fail),
            ToneMin = Score(One("tone_min"), "tone_min", Fail),
            ToneMax = Score(One("tone_max"), "tone_max", Fail),
            Reviewed = Bool(One("reviewed"), "reviewed", Fail),
        };

        if (filter.From is { } from && filter.To is { } to && from >= to)
        {
            Fail("from", "from must be before to.");
        }

        if (filter.AccuracyMin > filter.AccuracyMax)
        {
            Fail("accuracy_min", "accuracy_min must not exceed accuracy_max.");
        }

        if (filter.ToneMin > filter.ToneMax)
        {
            Fail("tone_min", "tone_min must not exceed tone_max.");
        }

        errorName = bad;
        error = message;
        return bad is null ? filter : null;
    }

    private static DateTimeOffset? Time(string? value, string name, Action<string, string> fail)
    {
        if (value is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            && Api.ApiQuery.InCalendar(time))
        {
            return time;
        }

        fail(name, $"{name} must be a time such as 2026-03-01 or 2026-03-01T12:00:00Z, {Api.ApiQuery.CalendarText}; was '{value}'.");
        return null;
    }

    private static bool? Bool(string? value, string name, Action<string, string> fail)
    {
        switch (value)
        {
            case null: return null;
            case "true": return true;
            case "false": return false;
            default:
                fail(name, $"{name} must be true or false, was '{value}'.");
                return null;
        }
    }

    private static int? Score(string? value, string name, Action<string, string> fail)
    {
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var score) && score is >= 1 and <= 5)
        {
            return score;
        }

        fail(name, $"{name} must be a whole score from 1 to 5, was '{value}'.");
        return null;
    }
}
