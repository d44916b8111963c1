using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QualityWatch.Judging;

namespace QualityWatch.Tests.Judging;

public sealed class CostCalculatorTests
{
    private static CostCalculator Calculator() => new(Options.Create(new JudgeOptions()), NullLogger<CostCalculator>.Instance);

    [Fact]
    public void Estimate_SplitsFreshAndCachedInputAndAppliesTheTier()
    {
        // gemini-2.5-flash defaults: $0.30 in, $0.03 cached, $2.50 out per 1M; flex is half price.
        var usage = new JudgeUsage(PromptTokens: 1_500_000, CachedTokens: 1_000_000, OutputTokens: 150_000, ThinkingTokens: 50_000);

        var standard = Calculator().Estimate("gemini-2.5-flash", usage, JudgeTiers.Standard);
        var flex = Calculator().Estimate("gemini-2.5-flash", usage, JudgeTiers.Flex);

        Assert.Equal((0.5m * 0.30m) + (1m * 0.03m) + (0.2m * 2.50m), standard);
        Assert.Equal(standard / 2, flex);
    }

    [Fact]
    public void Estimate_UnknownModel_CostsNothing() =>
        Assert.Equal(0m, Calculator().Estimate("some-local-model", new JudgeUsage(1000, 0, 100, 0), JudgeTiers.Standard));
}
