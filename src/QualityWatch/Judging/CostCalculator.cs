using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace QualityWatch.Judging;

/// <summary>Estimated USD for one call from the reported usage, the price table and the tier that served it.</summary>
internal sealed class CostCalculator(IOptions<JudgeOptions> options, ILogger<CostCalculator> logger)
{
    private readonly ConcurrentDictionary<string, bool> warned = new(StringComparer.OrdinalIgnoreCase);

    public decimal Estimate(string model, JudgeUsage usage, string tier)
    {
        if (!options.Value.Prices.TryGetValue(model, out var price))
        {
            if (warned.TryAdd(model, true))
            {
                Log.UnknownPrice(logger, model);
            }

            return 0m;
        }

        var fresh = Math.Max(0, usage.PromptTokens - usage.CachedTokens);
        var standard = (fresh * price.InputPerMillion) + (usage.CachedTokens * price.CachedInputPerMillion) +
                       ((usage.OutputTokens + usage.ThinkingTokens) * price.OutputPerMillion);
        var multiplier = price.TierMultipliers.TryGetValue(tier, out var m) ? m : 1m;
        return standard * multiplier / 1_000_000m;
    }
}
