using QualityWatch.Sampling;

namespace QualityWatch.Tests.Sampling;

/// <summary>Drives the real sampler with a virtual clock: 10,000 interactions an hour, evenly spread.</summary>
public sealed class BudgetPacingTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private const int PerHour = 10_000;

    private static StreamDefinition Stream(BudgetOptions budget) =>
        new("support", new Dictionary<string, string>(), 100, SamplingMode.EveryN)
        {
            Boost = new BoostOptions { EveryN = 10, Duration = TimeSpan.FromHours(1), MaxSamples = 0 },
            Budget = budget,
        };

    /// <summary>Per day: (routine samples, boost samples, budget spent).</summary>
    private static List<(int Routine, int Boost, double Spent)> Run(StreamDefinition stream, int days, Func<int, TimeSpan?> deployAt)
    {
        var counter = new StreamCounter(stream, 0, 0);
        var result = new List<(int, int, double)>();
        var step = TimeSpan.FromHours(1) / PerHour;
        var stable = new VersionState { Stream = stream.Name, Dimension = VersionDimensions.PromptVersion, Value = "v1" };
        for (var day = 0; day < days; day++)
        {
            int routine = 0, boost = 0;
            var version = stable;
            var deploy = deployAt(day);
            for (var i = 0; i < PerHour * 24; i++)
            {
                var now = Start.AddDays(day) + (step * i);
                var nowMs = now.ToUnixTimeMilliseconds();
                if (deploy is { } at && version == stable && now >= Start.AddDays(day) + at)
                {
                    version = new VersionState { Stream = stream.Name, Dimension = VersionDimensions.PromptVersion, Value = $"v{day + 2}", BoostUntil = nowMs + 3_600_000 };
                }

                var decision = Sampler.Decide(stream, counter, [version], $"id-{day}-{i}", nowMs);
                routine += decision?.Reason == SampleReason.EveryN ? 1 : 0;
                boost += decision?.Reason == SampleReason.Boost ? 1 : 0;
            }

            result.Add((routine, boost, counter.Pace.Spent));
        }

        return result;
    }

    [Fact]
    public void SampleBudget_WithADeployBoostOnDay2_EachDaySpendsTheBudgetWithin5Percent()
    {
        var days = Run(Stream(new BudgetOptions { Daily = 2400 }), 3, day => day == 1 ? TimeSpan.FromHours(10) : null);

        Assert.All(days, d => Assert.InRange(d.Routine + d.Boost, 2400 * 0.95, 2400 * 1.05));
        Assert.All(days, d => Assert.InRange(d.Spent, 2400 * 0.95, 2400));

        // The boost hour took 1,000 samples; the routine rate of the rest of the day paid for them.
        Assert.Equal(1000, days[1].Boost);
        Assert.True(days[1].Routine < days[0].Routine - 800, $"routine day 1 {days[0].Routine}, day 2 {days[1].Routine}");
    }

    [Fact]
    public void UsdBudget_BoostSamplesCostTheStandardPrice_AndTheDayStaysWithinBudget()
    {
        var budget = new BudgetOptions { Daily = 1.20, Unit = BudgetUnit.Usd, UsdPerSample = 0.0005, BoostCostRatio = 2 };
        var days = Run(Stream(budget), 2, day => day == 1 ? TimeSpan.FromHours(3) : null);

        Assert.All(days, d => Assert.InRange(d.Spent, 1.20 * 0.95, 1.20 + 1e-9));
        Assert.InRange((days[1].Routine * 0.0005) + (days[1].Boost * 0.001), 1.20 * 0.95, 1.20 + 1e-9);
        Assert.Equal(1000, days[1].Boost);
    }

    [Fact]
    public void NoBudget_TheStreamSamplesExactly1InEveryN()
    {
        var days = Run(Stream(new BudgetOptions()), 1, _ => null);

        Assert.Equal(2400, days[0].Routine);
    }
}
