using System.Globalization;

namespace QualityWatch.Demo;

/// <summary>The demo's scenario, from <c>demo [--speed 720] [--hours 24] ...</c>.</summary>
internal sealed record DemoOptions
{
    public const string Usage =
        """
        usage: qualitywatch demo [options]
          --speed X          simulated seconds per real second (default 720: a day in 2 minutes)
          --hours H          hours of traffic to play (default 24)
          --rate R           chatbot responses per simulated hour (default 6000)
          --every N          sample every Nth response (default 50)
          --change-at H      hour at which prompt_version v2 is deployed (default 12)
          --before P         hallucination rate of v1 (default 0.02)
          --after P          hallucination rate of v2 (default 0.08)
          --seed S           random seed (default 7)
          --database PATH    SQLite file, recreated (default data/demo.db)
          --urls URL         where the service listens (default http://127.0.0.1:8080)
          --keep-running     leave the service running (clock back to real time) until Ctrl-C
        """;

    public double Speed { get; init; } = 720;

    public double Hours { get; init; } = 24;

    public double RatePerHour { get; init; } = 6000;

    public int EveryN { get; init; } = 50;

    public double ChangeAtHour { get; init; } = 12;

    public double RateBefore { get; init; } = 0.02;

    public double RateAfter { get; init; } = 0.08;

    public int Seed { get; init; } = 7;

    public string DatabasePath { get; init; } = Path.Combine("data", "demo.db");

    public string Urls { get; init; } = "http://127.0.0.1:8080";

    public bool KeepRunning { get; init; }

    /// <summary>Parses the arguments after <c>demo</c>; null and an error message when one is wrong.</summary>
    public static DemoOptions? Parse(IReadOnlyList<string> args, out string? error)
    {
        var options = new DemoOptions();
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (name == "--keep-running")
            {
                options = options with { KeepRunning = true };
                continue;
            }

            if (i + 1 >= args.Count)
            {
                error = name.StartsWith("--", StringComparison.Ordinal) ? $"{name} needs a value." : $"unknown argument '{name}'.";
                return null;
            }

            var value = args[++i];
            options = name switch
            {
                "--speed" => Number(value, 1, 1_000_000, name, ref error) is { } v ? options with { Speed = v } : null,
                "--hours" => Number(value, 1, 24 * 31, name, ref error) is { } v ? options with { Hours = v } : null,
                "--rate" => Number(value, 1, 10_000_000, name, ref error) is { } v ? options with { RatePerHour = v } : null,
                "--every" => Number(value, 1, 1_000_000, name, ref error) is { } v ? options with { EveryN = (int)v } : null,
                "--change-at" => Number(value, 0, 24 * 31, name, ref error) is { } v ? options with { ChangeAtHour = v } : null,
                "--before" => Number(value, 0, 1, name, ref error) is { } v ? options with { RateBefore = v } : null,
                "--after" => Number(value, 0, 1, name, ref error) is { } v ? options with { RateAfter = v } : null,
                "--seed" => Number(value, 0, int.MaxValue, name, ref error) is { } v ? options with { Seed = (int)v } : null,
                "--database" => options with { DatabasePath = value },
                "--urls" => options with { Urls = value },
                _ => Unknown(name, ref error),
            };
            if (options is null)
            {
                return null;
            }
        }

        if (options.ChangeAtHour >= options.Hours)
        {
            error = $"--change-at ({options.ChangeAtHour}) must be before the end of the traffic (--hours {options.Hours}).";
            return null;
        }

        return options;
    }

    private static double? Number(string text, double min, double max, string name, ref string? error)
    {
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        error = $"{name} must be a number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, was '{text}'.";
        return null;
    }

    private static DemoOptions? Unknown(string name, ref string? error)
    {
        error = $"unknown option '{name}'.";
        return null;
    }
}
