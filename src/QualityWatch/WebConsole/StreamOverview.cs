using QualityWatch.Alerting;
using QualityWatch.Sampling;
using QualityWatch.Trends;

namespace QualityWatch.WebConsole;

/// <summary>One stream on the overview: the last 24 hours, its queue, today's spend, firing alerts and its versions, newest first.</summary>
internal sealed record StreamOverview(
    string Stream,
    TrendBucket Day,
    long Pending,
    long Leased,
    DateTimeOffset? OldestWaiting,
    double SpentUsdToday,
    long SampledToday,
    BudgetOptions Budget,
    IReadOnlyList<AlertInstance> FiringAlerts,
    IReadOnlyList<TrendBucket> Versions);
