namespace QualityWatch.Bench.Incidents;

/// <summary>The deploy and stable runs reduced to the figures issue 17 asks for.</summary>
internal sealed record IncidentsSummary(IReadOnlyList<IncidentsRun> Deploys, IReadOnlyList<IncidentsRun> Stables)
{
    /// <summary>Today's median (bench/RESULTS.md, "Detection", policy (c), deploy 2% -> 8%).</summary>
    public static readonly TimeSpan BaselineMedian = TimeSpan.FromMinutes(7.0);

    public int OnePage => Deploys.Count(r => r.Pages == 1 && r.Resolves <= 1);

    public double OnePageShare => Deploys.Count == 0 ? double.NaN : (double)OnePage / Deploys.Count;

    public int Detected => Deploys.Count(r => r.Delay is not null);

    /// <summary>Nearest-rank q-quantile of change → first page; a run without a page counts as beyond the horizon (null).</summary>
    public TimeSpan? DelayQuantile(double q)
    {
        var delays = Deploys.Select(r => r.Delay ?? TimeSpan.MaxValue).Order().ToList();
        if (delays.Count == 0)
        {
            return null;
        }

        var value = delays[Math.Clamp((int)Math.Ceiling(q * delays.Count) - 1, 0, delays.Count - 1)];
        return value == TimeSpan.MaxValue ? null : value;
    }

    public double StableDays => Stables.Sum(r => r.Observed.TotalDays);

    public int StableFlaps => Stables.Sum(r => r.InstanceFlaps + r.IncidentFlaps);

    public int StablePages => Stables.Sum(r => r.Pages);

    /// <summary>Transitions to firing per rule over <paramref name="runs"/>, e.g. "hallucination-rate-high 3, hallucination-rate-shift 1".</summary>
    public static string Fired(IEnumerable<IncidentsRun> runs)
    {
        var text = string.Join(", ", runs.SelectMany(r => r.Fired).GroupBy(kv => kv.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Sum(kv => kv.Value)}"));
        return text.Length == 0 ? "none" : text;
    }

    public double Per30Days(double count) => StableDays > 0 ? count / StableDays * 30 : double.NaN;

    /// <summary>How many runs had each value, the last bucket holding <paramref name="buckets"/> or more.</summary>
    public static string Histogram(IEnumerable<int> values, int buckets) =>
        string.Join(" / ", values.GroupBy(v => Math.Min(v, buckets)).OrderBy(g => g.Key).Select(g => $"{(g.Key == buckets ? $"{g.Key}+" : g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}: {g.Count()}"));
}
