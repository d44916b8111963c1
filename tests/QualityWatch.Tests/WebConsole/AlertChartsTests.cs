using System.Text.RegularExpressions;
using QualityWatch.Alerting;
using QualityWatch.Trends;
using QualityWatch.WebConsole;

namespace QualityWatch.Tests.WebConsole;

/// <summary>The alert page's charts draw their y axis from 0, not from the threshold the values sat above.</summary>
public sealed partial class AlertChartsTests
{
    private static readonly ConsoleClock Clock = new(new TrendCalendar(TimeZoneInfo.Utc), TimeProvider.System);
    private static readonly DateTimeOffset Start = new(2026, 3, 10, 0, 0, 0, TimeSpan.Zero);
    private static readonly double[] AboveThreshold = [0.12, 0.14, 0.16, 0.18];
    private static readonly double[] NegativeThenPositive = [-4.0, -2.0, 1.0, 3.0];

    [Fact]
    public void Statistic_ValuesAllAboveTheThreshold_AxisStartsAtZero()
    {
        AlertPoint[] timeline = [.. AboveThreshold.Select((v, i) => new AlertPoint(Start.AddHours(i), "firing", "over", null,
            new AlertEvidence { Rule = "r", Kind = "threshold", Stream = "support", Value = v, Threshold = 0.1 }))];

        var svg = AlertCharts.Statistic(Clock, timeline)!;

        var labels = Labels(svg);
        Assert.True(labels.Contains("0"), string.Join(" | ", labels));
    }

    [Fact]
    public void Rate_BandAboveTheThreshold_AxisStartsAtZero()
    {
        TrendBucket[] hours = [.. Enumerable.Range(0, 4).Select(i => new TrendBucket { BucketStart = Start.AddHours(i).ToUnixTimeMilliseconds(), Judged = 400, Hallucinations = 120 + (10 * i) })];

        var svg = AlertCharts.Rate(Clock, hours, threshold: 0.2)!;

        var labels = Labels(svg);
        Assert.True(labels.Contains("0"), string.Join(" | ", labels));
    }

    [Fact]
    public void Statistic_NegativeRatio_AxisGoesBelowIt()
    {
        AlertPoint[] timeline = [.. NegativeThenPositive.Select((s, i) => new AlertPoint(Start.AddHours(i), "pending", "llr", null,
            new AlertEvidence { Rule = "r", Kind = "sequential", Stream = "support", Statistic = s, AlarmLevel = 2.9 }))];

        var labels = Labels(AlertCharts.Statistic(Clock, timeline)!);

        Assert.Contains("0", labels);
        Assert.Contains(labels, l => double.TryParse(l.Replace('−', '-'), System.Globalization.CultureInfo.InvariantCulture, out var y) && y <= -4);
    }

    private static List<string> Labels(string svg) => [.. TextElement().Matches(svg).Select(m => m.Groups[1].Value.Trim())];

    [GeneratedRegex("<text[^>]*>([^<]*)</text>")]
    private static partial Regex TextElement();
}
