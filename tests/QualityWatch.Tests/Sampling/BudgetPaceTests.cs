using QualityWatch.Sampling;

namespace QualityWatch.Tests.Sampling;

/// <summary>The day's pacing alone: the budget is never exceeded, boosts come out of the routine rate, and the day rolls over.</summary>
public sealed class BudgetPaceTests
{
    private const long DayMs = 86_400_000;
    private const long Midnight = 20_514 * DayMs; // a UTC midnight

    [Fact]
    public void SteadyTraffic_SpendsTheDailyBudgetAndNeverMore()
    {
        var budget = new BudgetOptions { Daily = 240 };
        var pace = new BudgetPace();
        var sampled = Day(pace, budget, Midnight, perMinute: 10, fallbackEveryN: 100);

        // Yesterday's traffic is known from the second day on; the first day paces from today's rate.
        var secondDay = Day(pace, budget, Midnight + DayMs, perMinute: 10, fallbackEveryN: 100);

        Assert.InRange(sampled, 200, 240);
        Assert.InRange(secondDay, 230, 240);
        Assert.True(pace.Spent <= budget.Daily);
    }

    [Fact]
    public void Boosts_AreTakenFromTheRoutineRate_SoTheDayStaysWithinBudget()
    {
        // In USD a boost (judged in standard) costs twice a routine sample (Flex).
        var budget = new BudgetOptions { Daily = 0.12, Unit = BudgetUnit.Usd, UsdPerSample = 0.0005, BoostCostRatio = 2 };
        var pace = new BudgetPace();
        var routine = 0;
        var boosts = 0;
        for (var minute = 0; minute < 1440; minute++)
        {
            for (var i = 0; i < 10; i++)
            {
                var now = Midnight + (minute * 60_000L) + i;
                pace.Count(now);
                if (minute is >= 600 and < 660 && i == 0 && pace.TrySpendBoost(budget))
                {
                    boosts++;
                }
                else if (pace.TakeRoutine(budget, 100, now))
                {
                    routine++;
                }
            }
        }

        Assert.Equal(60, boosts);
        Assert.True(routine + (2 * boosts) <= 240, $"{routine} routine + {boosts} boosts at twice the cost overspend 240 samples' worth");
        Assert.InRange(routine, 90, 120);
        Assert.True(pace.Spent <= budget.Daily + 1e-9);
    }

    [Fact]
    public void SpentBudget_RefusesEverythingUntilTheNextDay()
    {
        var budget = new BudgetOptions { Daily = 3 };
        var pace = new BudgetPace();
        pace.Count(Midnight);
        Assert.Equal([true, true, true, false], Enumerable.Range(0, 4).Select(_ => pace.TrySpendBoost(budget)));

        pace.Count(Midnight + 1);
        Assert.False(pace.TakeRoutine(budget, 1, Midnight + 1));
        Assert.False(pace.TrySpendBoost(budget));
        Assert.Equal(double.PositiveInfinity, pace.EffectiveEveryN);

        pace.Count(Midnight + DayMs);
        Assert.Equal((0d, 1L), (pace.Spent, pace.SeenToday));
        Assert.True(pace.TakeRoutine(budget, 1, Midnight + DayMs));
    }

    private static int Day(BudgetPace pace, BudgetOptions budget, long start, int perMinute, int fallbackEveryN)
    {
        var sampled = 0;
        for (var minute = 0; minute < 1440; minute++)
        {
            for (var i = 0; i < perMinute; i++)
            {
                var now = start + (minute * 60_000L) + i;
                pace.Count(now);
                sampled += pace.TakeRoutine(budget, fallbackEveryN, now) ? 1 : 0;
            }
        }

        return sampled;
    }
}
