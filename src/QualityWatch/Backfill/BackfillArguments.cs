using System.Globalization;

namespace QualityWatch.Backfill;

/// <summary>The parsed command line of <c>qualitywatch backfill</c>; anything of the form <c>--Section:Key value</c> is configuration.</summary>
internal sealed record BackfillArguments
{
    public const string Usage =
        """
        Usage: qualitywatch backfill <file.jsonl|file.jsonl.gz|dir> [options]
               qualitywatch backfill --rejudge --rubric <version> [options]

          --stream S        only interactions routed to stream S
          --from T          only interactions at or after T (RFC 3339, or a date: 2026-03-01)
          --to T            only interactions before T
          --every N         judge every Nth interaction (default: the stream's Sampling settings)
          --mode M          flex | standard | batch (default Backfill:Mode, else Judge:ServiceTier)
          --rubric V        rubric version to judge with (default: the current one)
          --rejudge         judge stored samples again with --rubric, keeping the old verdicts
          --dry-run         print the estimate and stop; nothing is stored or sent
          --yes             do not ask before judging
          --Section:Key V   any service setting, e.g. --Storage:DatabasePath data/qw.db
        """;

    public string? Input { get; init; }

    public string? Stream { get; init; }

    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public int? Every { get; init; }

    public string? Mode { get; init; }

    public string? Rubric { get; init; }

    public bool Rejudge { get; init; }

    public bool DryRun { get; init; }

    public bool Yes { get; init; }

    /// <summary>Configuration overrides, passed to the service's configuration as command-line arguments.</summary>
    public IReadOnlyList<string> Settings { get; init; } = [];

    public static BackfillArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var parsed = new BackfillArguments();
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--stream": parsed = parsed with { Stream = Value() ?? Missing(arg, ref error) }; break;
                case "--from": parsed = parsed with { From = Time(Value(), arg, ref error) }; break;
                case "--to": parsed = parsed with { To = Time(Value(), arg, ref error) }; break;
                case "--every": parsed = parsed with { Every = Positive(Value(), arg, ref error) }; break;
                case "--mode": parsed = parsed with { Mode = Value() ?? Missing(arg, ref error) }; break;
                case "--rubric": parsed = parsed with { Rubric = Value() ?? Missing(arg, ref error) }; break;
                case "--rejudge": parsed = parsed with { Rejudge = true }; break;
                case "--dry-run": parsed = parsed with { DryRun = true }; break;
                case "--yes" or "-y": parsed = parsed with { Yes = true }; break;
                case not null when arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal):
                    settings.Add(arg);
                    settings.Add(Value() ?? Missing(arg, ref error));
                    break;
                case not null when arg.StartsWith('-'):
                    error ??= $"unknown option {arg}";
                    break;
                default:
                    error ??= parsed.Input is null ? null : $"one input only (got '{parsed.Input}' and '{arg}')";
                    parsed = parsed with { Input = arg };
                    break;
            }
        }

        error ??= Check(parsed);
        return error is null ? parsed with { Settings = settings } : null;
    }

    private static string? Check(BackfillArguments a) =>
        a.Rejudge && a.Rubric is null ? "--rejudge needs --rubric <version>"
        : a.Rejudge && a.Input is not null ? "--rejudge works on stored samples: give no input file"
        : a.Rejudge && a.Every is not null ? "--every applies to reading logs, not to --rejudge"
        : !a.Rejudge && a.Input is null ? "give a .jsonl / .jsonl.gz file or a directory"
        : a.From is { } f && a.To is { } t && f >= t ? "--from must be before --to"
        : a.Mode is not null and not ("flex" or "standard" or "batch") ? $"--mode is flex, standard or batch, not '{a.Mode}'"
        : null;

    private static string Missing(string option, ref string? error)
    {
        error ??= $"{option} needs a value";
        return "";
    }

    private static DateTimeOffset? Time(string? value, string option, ref string? error)
    {
        if (value is not null && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        error ??= $"{option} needs a time such as 2026-03-01 or 2026-03-01T12:00:00Z";
        return null;
    }

    private static int? Positive(string? value, string option, ref string? error)
    {
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            return n;
        }

        error ??= $"{option} needs a whole number of at least 1";
        return null;
    }
}
