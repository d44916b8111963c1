using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using QualityWatch.Bench.Shared;
using QualityWatch.Canary;

namespace QualityWatch.Bench.Canary;

/// <summary>
/// <c>canary</c>: whether the judge-drift canary catches a judge change (specificity 0.96 → 0.90) on the first run after
/// it, and how often it flags an unchanged judge, over many seeds, on each shipped reference set's size (v1 beside the
/// default v2) and the shipped <see cref="CanaryOptions"/>, through <see cref="CanaryModel"/>.
/// </summary>
internal static class CanaryCommand
{
    private const double CaughtAim = 0.99;
    private const double FalseAlarmsAim = 0.1;

    public static Command Command() => BenchVerb.Create(
        "canary",
        "the judge-drift canary on a virtual clock: detection of a specificity drop within one day, false alarms of an unchanged judge",
        Run,
        BenchOption.Int("--seeds", 4_000, "independent histories per scenario"),
        BenchOption.Int("--stable-days", 60, "days of the unchanged judge per seed for the false alarm rate"),
        BenchOption.Double("--sensitivity", 0.85, "the judge's sensitivity"),
        BenchOption.Double("--before", 0.96, "specificity before the change"),
        BenchOption.Double("--after", 0.90, "specificity after the change"),
        BenchOption.Double("--false-alarm-rate", new CanaryOptions().FalseAlarmRate, "Canary:FalseAlarmRate"),
        BenchOption.String("--reference-sets", string.Join(',', ReferenceSet.Shipped), "shipped reference set versions to model, comma-separated"),
        BenchOption.Results(),
        BenchOption.NoWrite());

    private static int Run(BenchArgs options)
    {
        var scenario = new Scenario(
            options.Int("--seeds"), options.Int("--stable-days"), options.Double("--sensitivity"), options.Double("--before"), options.Double("--after"),
            new CanaryOptions { FalseAlarmRate = options.Double("--false-alarm-rate") });
        var sets = options.String("--reference-sets").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => ReferenceSet.Load(v)).ToList();
        var watch = Stopwatch.StartNew();

        var detection = new MarkdownTable(["set", "judge", "change", "earlier runs", "seeds", "caught on the first run after it", "share", "95% interval"], labelColumns: 4);
        var alarms = new MarkdownTable(["set", "judge", "seeds × days", "runs compared", "false alarms", "per run", "95% upper bound", "per 30 days"], labelColumns: 2);
        var summary = new StringBuilder();
        foreach (var reference in sets)
        {
            var positives = reference.Items.Count(i => i.Hallucination);
            var negatives = reference.Items.Count - positives;
            var set = $"{reference.Version} ({Fmt.N0(positives)} + {Fmt.N0(negatives)})";
            var detected = Detect(scenario, set, positives, negatives, detection);
            var perMonth = FalseAlarms(scenario, set, positives, negatives, alarms);
            var runs = scenario.Shipped.BaselineRuns;
            summary.Append(string.Create(CultureInfo.InvariantCulture,
                $"- Set {reference.Version}, with {runs} earlier runs, caught within one day (aim ≥ {Fmt.Pct(CaughtAim)}): fixed judge, same items {Fmt.Pct(detected[(false, false, runs)])} ({Fmt.F(detected[(false, false, runs)] / CaughtAim, 3)}× the aim); " +
                $"fixed judge, new model {Fmt.Pct(detected[(false, true, runs)])} ({Fmt.F(detected[(false, true, runs)] / CaughtAim, 3)}×); noisy judge {Fmt.Pct(detected[(true, true, runs)])} ({Fmt.F(detected[(true, true, runs)] / CaughtAim, 3)}×). " +
                $"False alarms per 30 days (aim ≤ {FalseAlarmsAim}): fixed {Fmt.F(perMonth[false], 3)}, noisy {Fmt.F(perMonth[true], 3)} ({Fmt.F(perMonth[true] / FalseAlarmsAim, 2)}× the aim).\n"));
        }

        var shipped = scenario.Shipped;
        var report = new StringBuilder();
        report.Append("## Judge-drift canary\n\n");
        report.Append(CultureInfo.InvariantCulture, $"`dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll canary --seeds {scenario.Seeds} --stable-days {scenario.StableDays} --false-alarm-rate {shipped.FalseAlarmRate} --reference-sets {string.Join(',', sets.Select(s => s.Version))}`, {Machine.Today()}, {watch.Elapsed.TotalSeconds:0} s.\n\n");
        report.Append(string.Create(CultureInfo.InvariantCulture,
            $"One canary run a day on a virtual clock through the service's own `CanaryDrift` (four one-sided tests at `Canary:FalseAlarmRate` {shipped.FalseAlarmRate} / 4 each, z ≥ {CanaryDrift.AlarmZ(shipped.FalseAlarmRate):F2}; baseline: the pooled `Canary:BaselineRuns` {shipped.BaselineRuns} earlier runs; pairs: the previous run) over each shipped reference set (set: hallucinated + clean items; `Canary:ReferenceSet` defaults to {ReferenceSet.DefaultVersion}). " +
            $"The judge: sensitivity {scenario.Sensitivity}, specificity {scenario.Before} until the change, {scenario.After} from the first run after it. A *fixed* judge answers an item the same way every day (one uniform per item against the rate, as the simulator's seeded judge); " +
            $"the same-items change keeps those uniforms (what the simulator's per-model override does), a new model draws new ones. A *noisy* judge draws every answer anew every day, the unchanged judge's worst case for false alarms.\n\n"));
        report.Append("Caught on the first run after the change (within one day):\n\n").Append(detection).Append('\n');
        report.Append("False alarms of the unchanged judge (every run after the first, which has nothing to compare with):\n\n").Append(alarms).Append('\n');
        report.Append(summary);
        var text = report.ToString();
        Console.WriteLine(text);
        if (options.Write)
        {
            var results = options.ResultsPath();
            ResultsFile.WriteSection(results, "## Judge-drift canary", text);
            Console.WriteLine($"Written to {results}.");
        }

        return 0;
    }

    /// <summary>Share of judge changes caught on the first run after them, by (noisy, new model, earlier runs).</summary>
    private static Dictionary<(bool Noisy, bool NewModel, int Earlier), double> Detect(Scenario s, string set, int positives, int negatives, MarkdownTable table)
    {
        var detected = new Dictionary<(bool, bool, int), double>();
        foreach (var noisy in new[] { false, true })
        {
            foreach (var newModel in new[] { false, true })
            {
                if (noisy && !newModel)
                {
                    // A noisy judge draws every answer anew anyway: "same items" is no different from "new model".
                    continue;
                }

                foreach (var earlier in new[] { 1, 3, s.Shipped.BaselineRuns })
                {
                    var caught = 0;
                    for (var seed = 0; seed < s.Seeds; seed++)
                    {
                        var model = new CanaryModel(positives, negatives, s.Shipped.BaselineRuns, s.Shipped.FalseAlarmRate, seed);
                        for (var day = 0; day < earlier; day++)
                        {
                            model.Run(s.Sensitivity, s.Before, noisy);
                        }

                        if (newModel)
                        {
                            model.NewModel();
                        }

                        caught += model.Run(s.Sensitivity, s.After, noisy) ? 1 : 0;
                    }

                    var share = (double)caught / s.Seeds;
                    detected[(noisy, newModel, earlier)] = share;
                    var (low, high) = Wilson(caught, s.Seeds);
                    table.Add(set, noisy ? "noisy (answers drawn anew daily)" : "fixed (temperature 0)", newModel ? "new model behind the name" : "same items, lower threshold",
                        earlier.ToString(CultureInfo.InvariantCulture), Fmt.N0(s.Seeds), Fmt.N0(caught), Fmt.Pct(share), $"{Fmt.Pct(low)}–{Fmt.Pct(high)}");
                }
            }
        }

        return detected;
    }

    /// <summary>False alarms per 30 days of the unchanged judge, by noisy.</summary>
    private static Dictionary<bool, double> FalseAlarms(Scenario s, string set, int positives, int negatives, MarkdownTable table)
    {
        var perMonth = new Dictionary<bool, double>();
        foreach (var noisy in new[] { false, true })
        {
            long compared = 0, flagged = 0;
            for (var seed = 0; seed < s.Seeds; seed++)
            {
                var model = new CanaryModel(positives, negatives, s.Shipped.BaselineRuns, s.Shipped.FalseAlarmRate, 1_000_000 + seed);
                for (var day = 0; day < s.StableDays; day++)
                {
                    var drift = model.Run(s.Sensitivity, s.Before, noisy);
                    if (day > 0)
                    {
                        compared++;
                        flagged += drift ? 1 : 0;
                    }
                }
            }

            var rate = (double)flagged / compared;
            var (_, upper) = Wilson(flagged, compared);
            perMonth[noisy] = rate * 30;
            table.Add(set, noisy ? "noisy (answers drawn anew daily)" : "fixed (temperature 0)", $"{Fmt.N0(s.Seeds)} × {s.StableDays}", Fmt.N0(compared), Fmt.N0(flagged),
                Fmt.F(rate, 5), Fmt.F(upper, 5), Fmt.F(rate * 30, 3));
        }

        return perMonth;
    }

    private static (double Low, double High) Wilson(long hits, long trials)
    {
        var interval = QualityWatch.Statistics.WilsonInterval.For(hits, trials);
        return (interval.Lower, interval.Upper);
    }

    private sealed record Scenario(int Seeds, int StableDays, double Sensitivity, double Before, double After, CanaryOptions Shipped);
}
