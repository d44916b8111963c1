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

    private static void Check(List<string> errors, bool ok, string error)
    {
        if (!ok)
        {
            errors.Add(error);
        }
    }
}
