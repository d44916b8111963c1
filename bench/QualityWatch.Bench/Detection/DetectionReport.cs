using System.Globalization;
using System.Text;

namespace QualityWatch.Bench.Detection;

/// <summary>Renders detection summaries as console tables and the RESULTS.md section.</summary>
internal static class DetectionReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Scenario(DetectionScenario scenario, IReadOnlyList<DetectionSummary> rows)
    {
        var text = new StringBuilder();
        text.AppendLine(C, $"{scenario.Name} ({rows[0].Runs.Count} runs per policy)");
        foreach (var row in rows)
        {
            text.AppendLine(scenario.Stable
                ? string.Create(C, $"  {row.Policy.Name,-55} false alarms/30 d {row.FalseAlarmsPer30Days,5:0.00} ({row.FalseAlarms:0} in {row.ObservedDays:0} d)  spend ${row.UsdPerDay:0.0000}/d  verdicts {row.VerdictsPerDay:0}/d (boost {row.BoostedPerDay:0})")
                : string.Create(C, $"  {row.Policy.Name,-55} median {Format(row.DelayQuantile(0.5), row.Horizon),8}  p90 {Format(row.DelayQuantile(0.9), row.Horizon),8}  detected {row.Detected}/{row.Runs.Count}  pre-change alarms {row.FalseAlarms:0}"));
        }

        return text.ToString().TrimEnd();
    }

    public static string Ratios(IReadOnlyList<DetectionSummary> summaries)
    {
        var text = new StringBuilder("Ratios:\n");
        foreach (var group in summaries.Where(s => !s.Scenario.Stable).GroupBy(s => s.Scenario.Name))
        {
            var a = group.SingleOrDefault(s => s.Policy.Key == "a")?.DelayQuantile(0.5);
            var b = group.SingleOrDefault(s => s.Policy.Key == "b")?.DelayQuantile(0.5);
            var c = group.SingleOrDefault(s => s.Policy.Key == "c")?.DelayQuantile(0.5);
            text.AppendLine(C, $"  {group.Key}: median (c)/(a) {Ratio(c, a)}, (c)/(b) {Ratio(c, b)}");
        }

        if (summaries.Where(s => s.Scenario.Stable).ToList() is { Count: > 0 } stable)
        {
            var a = stable.SingleOrDefault(s => s.Policy.Key == "a")?.UsdPerDay ?? double.NaN;
            foreach (var row in stable)
            {
                text.AppendLine(C, $"  spend/day {row.Policy.Key}/(a) {row.UsdPerDay / a:0.000}");
            }
        }

        return text.ToString().TrimEnd();
    }

    public static string Markdown(IReadOnlyList<DetectionSummary> summaries, BudgetCalibration budget, string arguments, string maxConcurrency, int warmups, TimeSpan horizon, TimeSpan took)
    {
        var md = new StringBuilder();
        md.AppendLine("## Detection");
        md.AppendLine();
        md.AppendLine(C, $"`dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll detection {arguments}`, {TimeProvider.System.GetUtcNow():yyyy-MM-dd}, {took:h\\:mm\\:ss} on the 2-core VM.");
        md.AppendLine();
        md.AppendLine("The real service (HTTP ingest, sampler, judge worker, rollups, alert evaluator, notification outbox, SQLite file) and the judge simulator over loopback run on one virtual clock, stepped 10 s at a time for 40 min after the change and 1 min otherwise, each step waiting until every due sample a lane has room for is leased and every call out is held by the simulator's latency; the rules are evaluated every virtual minute as the service's job does, trends rolled up every 10 minutes. Judge:MaxConcurrency " + maxConcurrency + " per lane (routine Flex calls, routed boost calls). 10,000 responses/h, base rate 1 in 100. Judge latency (virtual): flex lognormal median 30 s, p90 3 min; standard lognormal median 2 s, p90 6 s. Each run resumes from a snapshot of a one-day warm-up of v0 under the same policy (" + warmups.ToString(C) + " warm-ups per policy and base rate); run i of every policy replays the same seeded traffic.");
        md.AppendLine();
        md.AppendLine("Deploy: prompt_version v1 ships 10 min after the snapshot with the new rate. Drift: a harmless v1 ships at the snapshot, its rate jumps 2 h later. Stable: a harmless version ships every day; every notification is a false alarm. Delay = change to the first notification (the outbox row); a run with none within " + ((int)horizon.TotalHours).ToString(C) + " h counts as beyond it.");
        md.AppendLine();
        md.AppendLine(C, $"Policy (c)'s daily budget is policy (a)'s spend: 2,400 Flex verdicts × ${budget.FlexUsdPerSample:0.000000} = ${2400 * budget.FlexUsdPerSample:0.0000} a day, a standard verdict counted {budget.StandardOverFlex:0.00}× (both measured from the simulator's bill before the runs).");
        md.AppendLine();
        md.AppendLine("| scenario | policy | runs | median | p90 | detected | alarms before the change |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var row in summaries.Where(s => !s.Scenario.Stable))
        {
            md.AppendLine(C, $"| {row.Scenario.Name} | {row.Policy.Name} | {row.Runs.Count} | {Format(row.DelayQuantile(0.5), row.Horizon)} | {Format(row.DelayQuantile(0.9), row.Horizon)} | {row.Detected}/{row.Runs.Count} | {row.FalseAlarms:0} |");
        }

        md.AppendLine();
        md.AppendLine("| stable traffic | runs × days | false alarms | per 30 days | judge spend/day | verdicts/day | boost verdicts/day |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var row in summaries.Where(s => s.Scenario.Stable))
        {
            md.AppendLine(C, $"| {row.Policy.Name} | {row.Runs.Count} × {row.Horizon.TotalDays:0} | {row.FalseAlarms:0} | {row.FalseAlarmsPer30Days:0.00} | ${row.UsdPerDay:0.0000} | {row.VerdictsPerDay:0} | {row.BoostedPerDay:0} |");
        }

        md.AppendLine();
        md.AppendLine("```");
        md.AppendLine(Ratios(summaries));
        md.AppendLine("```");
        return md.ToString();
    }

    private static string Format(TimeSpan? delay, TimeSpan horizon) => delay switch
    {
        null => string.Create(C, $"> {horizon.TotalHours:0} h"),
        { TotalHours: >= 1 } d => string.Create(C, $"{(int)d.TotalHours} h {d.Minutes:00} min"),
        { } d => string.Create(C, $"{d.TotalMinutes:0.0} min"),
    };

    private static string Ratio(TimeSpan? x, TimeSpan? y) =>
        x is { } a && y is { } b && b > TimeSpan.Zero ? string.Create(C, $"{a / b:0.00}") : "n/a";
}
