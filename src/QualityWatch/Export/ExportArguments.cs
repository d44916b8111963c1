using QualityWatch.Cli;

namespace QualityWatch.Export;

/// <summary>The parsed command line of <c>qualitywatch export</c>; filters read by <see cref="ExportFilterParser"/>, as the API's.</summary>
internal sealed record ExportArguments(ExportFilter Filter, string Format, string? Output, IReadOnlyList<string> Settings)
{
    public const string Usage =
        """
        Usage: qualitywatch export [filters] [--format F] [--output FILE] [--Section:Key value ...]

        Writes the stored samples (redacted text only) with their verdicts and review labels as JSONL,
        to FILE (and FILE.manifest.json beside it) or to stdout.
          --format F             jsonl (default: sample, verdicts, reviews) | gemini-batch (a Gemini batch
                                 input line per sample, with the current rubric) | eval (input, output, expected)
          --output FILE          write here instead of stdout, and the manifest to FILE.manifest.json
          --label KEY=VALUE      only samples with this label; repeat to require several
          --stream S             only stream S
          --from T, --to T       occurred at or after T, before T (RFC 3339, or a date: 2026-03-01)
          --prompt-version V     only prompt version V
          --model M              only the chatbot model M
          --hallucination B      true | false: the newest verdict's answer
          --accuracy-min N, --accuracy-max N, --tone-min N, --tone-max N
                                 the newest verdict's scores, 1-5, bounds included
          --reviewed B           true | false: has a review label
          --Section:Key V        any service setting, e.g. --Storage:DatabasePath data/qw.db
        """;

    private static readonly string[] ValueOptions = [.. ExportFilterParser.Names.Select(n => "--" + n.Replace('_', '-')), "--format", "--output"];

    public static ExportArguments? Parse(IReadOnlyList<string> args, out string? error)
    {
        error = null;
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var settings = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
            {
                settings.Add(arg);
                if (i + 1 >= args.Count)
                {
                    error ??= $"{arg} needs a value";
                    break;
                }

                settings.Add(args[++i]);
            }
            else if (ValueOptions.Contains(arg, StringComparer.Ordinal))
            {
                if (i + 1 >= args.Count)
                {
                    error ??= $"{arg} needs a value";
                    break;
                }

                var name = arg[2..].Replace('-', '_');
                if (!values.TryGetValue(name, out var list))
                {
                    values[name] = list = [];
                }

                list.Add(args[++i]);
            }
            else
            {
                error ??= Suggestions.Closest(arg, ValueOptions) is { } close
                    ? $"unknown option '{arg}'. Did you mean '{close}'?"
                    : $"unknown option '{arg}'";
            }
        }

        IReadOnlyList<string> Values(string name) => values.TryGetValue(name, out var list) ? list : [];
        var format = Values("format") is [var f] ? f : ExportFormats.Jsonl;
        var output = Values("output") is [var o] ? o : null;
        if (error is not null)
        {
            return null;
        }

        if (Values("format").Count > 1 || Values("output").Count > 1)
        {
            error = "--format and --output may be given once";
            return null;
        }

        if (!ExportFormats.All.Contains(format, StringComparer.Ordinal))
        {
            error = $"--format is {string.Join(", ", ExportFormats.All)}, not '{format}'";
            return null;
        }

        if (ExportFilterParser.Parse(Values, out var bad, out var message) is not { } filter)
        {
            error = $"--{bad!.Replace('_', '-')}: {message}";
            return null;
        }

        return new ExportArguments(filter, format, output, settings);
    }
}
