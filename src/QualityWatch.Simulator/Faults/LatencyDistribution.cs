using System.Globalization;

namespace QualityWatch.Simulator.Faults;

/// <summary>
/// How long a tier takes to answer. Samples come from the simulator's seeded Random; the wait
/// itself runs on its TimeProvider, so a fake clock decides when the answer arrives.
/// </summary>
public sealed class LatencyDistribution
{
    // z for the 90th percentile of the standard normal distribution.
    private const double Z90 = 1.2815515655446004;
    private static readonly TimeSpan Ceiling = TimeSpan.FromHours(1);

    private readonly Func<Random, TimeSpan> sample;
    private readonly string description;

    private LatencyDistribution(Func<Random, TimeSpan> sample, string description)
    {
        this.sample = sample;
        this.description = description;
    }

    public static LatencyDistribution Zero { get; } = Fixed(TimeSpan.Zero);

    public static LatencyDistribution Fixed(TimeSpan value)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
        return new(_ => value, $"fixed {value}");
    }

    public static LatencyDistribution Uniform(TimeSpan min, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(min, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, min);
        return new(r => min + (max - min) * r.NextDouble(), $"uniform {min} {max}");
    }

    /// <summary>Log-normal with the given median and 90th percentile: most answers near the median, a long tail.</summary>
    public static LatencyDistribution LogNormal(TimeSpan median, TimeSpan p90)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(median, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(p90, median);
        var mu = Math.Log(median.TotalMilliseconds);
        var sigma = (Math.Log(p90.TotalMilliseconds) - mu) / Z90;
        return new(r =>
        {
            // Box–Muller: two uniforms give one standard normal.
            var z = Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
            var ms = Math.Exp(mu + sigma * z);
            return ms >= Ceiling.TotalMilliseconds ? Ceiling : TimeSpan.FromMilliseconds(ms);
        }, $"lognormal {median} {p90}");
    }

    /// <summary>Parses <c>fixed 250ms</c>, <c>uniform 1s 5s</c>, <c>lognormal 2s 30s</c> (spaces or commas; ms, s, m, h or a TimeSpan).</summary>
    public static LatencyDistribution Parse(string text)
    {
        var words = text.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var args = words.Skip(1).Select(ParseDuration).ToArray();
        return (words.FirstOrDefault()?.ToUpperInvariant(), args.Length) switch
        {
            ("FIXED", 1) => Fixed(args[0]),
            ("UNIFORM", 2) => Uniform(args[0], args[1]),
            ("LOGNORMAL", 2) => LogNormal(args[0], args[1]),
            _ => throw new FormatException($"'{text}' is not a latency: use 'fixed 250ms', 'uniform 1s 5s' or 'lognormal 2s 30s'."),
        };
    }

    public TimeSpan Sample(Random random) => sample(random);

    public override string ToString() => description;

    private static TimeSpan ParseDuration(string text)
    {
        var (number, scale) = text switch
        {
            _ when text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) => (text[..^2], 1.0),
            _ when text.EndsWith('s') => (text[..^1], 1_000.0),
            _ when text.EndsWith('m') => (text[..^1], 60_000.0),
            _ when text.EndsWith('h') => (text[..^1], 3_600_000.0),
            _ => (null, 0),
        };
        if (number is not null && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0)
        {
            return TimeSpan.FromMilliseconds(value * scale);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span)
            ? span
            : throw new FormatException($"'{text}' is not a duration: use e.g. 250ms, 2s, 1.5m or 00:00:02.");
    }
}
