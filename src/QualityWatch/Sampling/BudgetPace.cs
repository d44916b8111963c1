namespace QualityWatch.Sampling;

/// <summary>
/// A budgeted stream's pacing for the current UTC day (persisted with its counter). The routine
/// sampling probability is the budget left over the interactions expected for the rest of the day,
/// so what boosts spent is taken from the rest of the day. Traffic is estimated from the last 24 h:
/// today's count plus yesterday's over the part of the day still ahead (the day before is assumed
/// alike; on a first day, today's rate so far). Decisions accumulate credit rather than draw random
/// numbers, so pacing is exact and repeatable under a fake clock.
/// </summary>
internal sealed class BudgetPace
{
    private const long DayMs = 86_400_000;
    private const long HourMs = 3_600_000;

    public long Day { get; set; }
    public double Spent { get; set; }
    public long SeenToday { get; set; }
    public long SeenYesterday { get; set; }
    public double Credit { get; set; }

    /// <summary>The routine rate as 1 in N at the last decision (∞ once the budget is spent).</summary>
    public double EffectiveEveryN { get; private set; } = double.NaN;

    /// <summary>Counts one interaction; rolls the day over first when it has changed.</summary>
    public void Count(long nowMs)
    {
        var day = nowMs / DayMs;
        if (day != Day)
        {
            SeenYesterday = day == Day + 1 ? SeenToday : 0;
            (Day, Spent, SeenToday, Credit) = (day, 0, 0, 0);
        }

        SeenToday++;
    }

    /// <summary>Whether a boost sample still fits in today's budget; spends it when it does.</summary>
    public bool TrySpendBoost(BudgetOptions budget)
    {
        var cost = budget.CostOf(boost: true);
        if (Spent + cost > budget.Daily)
        {
            return false;
        }

        Spent += cost;
        return true;
    }

    /// <summary>Paces a routine interaction: true when it is sampled (and spent).</summary>
    public bool TakeRoutine(BudgetOptions budget, int fallbackEveryN, long nowMs)
    {
        var cost = budget.CostOf(boost: false);
        var left = (budget.Daily - Spent) / cost;
        var p = left < 1 ? 0 : Math.Min(1, left / ExpectedRemaining(nowMs, fallbackEveryN, left));
        EffectiveEveryN = p == 0 ? double.PositiveInfinity : 1 / p;
        Credit += p;
        if (Credit < 1)
        {
            return false;
        }

        Credit -= 1;
        Spent += cost;
        return true;
    }

    public double UsedRatio(BudgetOptions budget) => Spent / budget.Daily;

    private double ExpectedRemaining(long nowMs, int fallbackEveryN, double samplesLeft)
    {
        var elapsed = nowMs - (Day * DayMs);
        var ahead = 1 - ((double)elapsed / DayMs);
        if (SeenYesterday > 0)
        {
            var perDay = SeenToday + (SeenYesterday * ahead);
            return Math.Max(1, perDay * ahead);
        }

        if (elapsed < HourMs)
        {
            // Nothing to go on yet: the configured rate until an hour of today's traffic is seen.
            return samplesLeft * fallbackEveryN;
        }

        return Math.Max(1, SeenToday * (DayMs - elapsed) / (double)elapsed);
    }
}
