using QualityWatch.Simulator.Faults;

namespace QualityWatch.Simulator.Hosting;

/// <summary>Range checks for start-up settings; each error names the configuration key.</summary>
internal static class SimulatorOptionsValidator
{
    public static List<string> Validate(SimulatorOptions options)
    {
        var errors = new List<string>();
        Check(errors, options.MinCacheTokens >= 0, $"Simulator:MinCacheTokens must be 0 or more, was {options.MinCacheTokens}.");
        Check(errors, options.ThinkingTokens >= 0, $"Simulator:ThinkingTokens must be 0 or more, was {options.ThinkingTokens}.");
        Check(errors, options.PrefixCacheWindow >= TimeSpan.Zero, $"Simulator:PrefixCacheWindow must not be negative, was {options.PrefixCacheWindow}.");
        Check(errors, options.DefaultCacheTtl > TimeSpan.Zero, $"Simulator:DefaultCacheTtl must be positive, was {options.DefaultCacheTtl}.");

        CheckJudge(errors, "Simulator:Judge", options.Judge.Sensitivity, options.Judge.Specificity, options.Judge.ScoreNoise);
        foreach (var (model, m) in options.Judge.Models)
        {
            CheckJudge(errors, $"Simulator:Judge:Models:{model}", m.Sensitivity, m.Specificity, m.ScoreNoise);
        }

        var f = options.Faults;
        foreach (var (key, rate) in new[]
        {
            ("Rate429", f.Rate429), ("Rate503Flex", f.Rate503Flex), ("Rate500", f.Rate500), ("MalformedRate", f.MalformedRate),
            ("HangRate", f.HangRate), ("JudgeErrorRate", f.JudgeErrorRate), ("PriorityDowngradeRate", f.PriorityDowngradeRate),
        })
        {
            Check(errors, rate is >= 0 and <= 1, $"Faults:{key} must be between 0 and 1, was {rate}.");
        }

        Check(errors, f.RetryDelay >= TimeSpan.Zero, $"Faults:RetryDelay must not be negative, was {f.RetryDelay}.");
        Check(errors, f.RequestsPerMinuteLimit is null or >= 0, $"Faults:RequestsPerMinuteLimit must be 0 or more, was {f.RequestsPerMinuteLimit}.");
        Check(errors, f.DailyRequestQuota is null or >= 0, $"Faults:DailyRequestQuota must be 0 or more, was {f.DailyRequestQuota}.");
        foreach (var (tier, spec) in f.Latency)
        {
            try
            {
                LatencyDistribution.Parse(spec);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException)
            {
                errors.Add($"Faults:Latency:{tier}: {ex.Message}");
            }
        }

        return errors;
    }

    private static void CheckJudge(List<string> errors, string section, double? sensitivity, double? specificity, double? noise)
    {
        Check(errors, sensitivity is null or (>= 0 and <= 1), $"{section}:Sensitivity must be between 0 and 1, was {sensitivity}.");
        Check(errors, specificity is null or (>= 0 and <= 1), $"{section}:Specificity must be between 0 and 1, was {specificity}.");
        Check(errors, noise is null or (>= 0 and <= 5), $"{section}:ScoreNoise must be between 0 and 5, was {noise}.");
    }

    private static void Check(List<string> errors, bool ok, string error)
    {
        if (!ok)
        {
            errors.Add(error);
        }
    }
}
