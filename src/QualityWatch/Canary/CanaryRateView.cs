using System.Text.Json.Serialization;
using QualityWatch.Statistics;

namespace QualityWatch.Canary;

/// <summary>A proportion with its 95 % Wilson interval, as the canary API shows it.</summary>
internal sealed class CanaryRateView
{
    [JsonPropertyName("value")] public double Value { get; init; }
    [JsonPropertyName("lower")] public double Lower { get; init; }
    [JsonPropertyName("upper")] public double Upper { get; init; }
    [JsonPropertyName("n")] public long N { get; init; }

    /// <summary>Null when there were no trials: no figure rather than a made-up one.</summary>
    public static CanaryRateView? Of(long successes, long trials)
    {
        if (trials <= 0)
        {
            return null;
        }

        var interval = WilsonInterval.For(successes, trials);
        return new CanaryRateView { Value = (double)successes / trials, Lower = interval.Lower, Upper = interval.Upper, N = trials };
    }
}
