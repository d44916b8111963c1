using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using QualityWatch.Bench.Shared;
using QualityWatch.Canary;

namespace QualityWatch.Bench.Canary;

/// <summary>
/// <c>canary</c>: whether the judge-drift canary catches a judge change (specificity 0.96 → 0.90) on the first run after
/// it, and how often it flags an unchanged judge, over many seeds, on the shipped reference set's size and the shipped
/// <see cref="CanaryOptions"/>, through <see cref="CanaryModel"/>.
/// </summary>
internal static class CanaryCommand
{
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
        BenchOption.Results(),
        BenchOption.NoWrite());

    private static int Run(BenchArgs options)
    {
        var seeds = options.Int("--seeds");
        var stableDays = options.Int("--stable-days");
        var se = options.Double("--sensitivity");
        var before = options.Double("--before");
        var after = options.Double("--after");
        var shipped = new CanaryOptions { FalseAlarmRate = options.Double("--false-alarm-rate") };
        var reference = ReferenceSet.Load();
        var positives = reference.Items.Count(i => i.Hallucination);
        var negatives = reference.Items.Count - positives;
        var watch = Stopwatch.StartNew();

        var detection = new MarkdownTable(["judge", "change", "earlier runs", "seeds", "caught on the first run after it", "share", "95% interval"], labelColumns: 3);
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

                foreach (var earlier in new[] { 1, 3, shipped.BaselineRuns })
                {
                    var caught = 0;
                    for (var seed = 0; seed < seeds; seed++)
                    {
                        var model = new CanaryModel(positives, negatives, shipped.BaselineRuns, shipped.FalseAlarmRate, seed);
                        for (var day = 0; day < earlier; day++)
                        {
                            model.Run(se, before, noisy);
                        }

                        if (newModel)
                        {
                            model.NewModel();
                        }

                        caught += model.Run(se, after, noisy) ? 1 : 0;
                    }

                    var share = (double)caught / seeds;
                    detected[(noisy, newModel, earlier)] = share;
                    var (low, high) = Wilson(caught, seeds);
                    detection.Add(noisy ? "noisy (answers drawn anew daily)" : "fixed (temperature 0)", newModel ? "new model behind the name" : "same items, lower threshold",
                        earlier.ToString(CultureInfo.InvariantCulture), Fmt.N0(seeds), Fmt.N0(caught), Fmt.Pct(share), $"{Fmt.Pct(low)}–{Fmt.Pct(high)}");
                }
            }
        }

        var alarms = new MarkdownTable(["judge", "seeds × days", "runs compared", "false alarms", "per run", "95% upper bound", "per 30 days"], labelColumns: 1);
        foreach (var noisy in new[] { false, true })
        {
            long compared = 0, flagged = 0;
            for (var seed = 0; seed < seeds; seed++)
            {
                var model = new CanaryModel(positives, negatives, shipped.BaselineRuns, shipped.FalseAlarmRate, 1_000_000 + seed);
                for (var day = 0; day < stableDays; day++)
                {
                    var drift = model.Run(se, before, noisy);
                    if (day > 0)
                    {
                        compared++;
                        flagged += drift ? 1 : 0;
                    }
                }
            }

            var rate = (double)flagged / compared;
            var (_, upper) = Wilson(flagged, compared);
            alarms.Add(noisy ? "noisy (answers drawn anew daily)" : "fixed (temperature 0)", $"{Fmt.N0(seeds)} × {stableDays}", Fmt.N0(compared), Fmt.N0(flagged),
                Fmt.F(rate, 5), Fmt.F(upper, 5), Fmt.F(rate * 30, 3));
        }

        var report = new StringBuilder();
        report.Append("## Judge-drift canary\n\n");
        report.Append(CultureInfo.InvariantCulture, $"`dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll canary --seeds {seeds} --stable-days {stableDays} --false-alarm-rate {shipped.FalseAlarmRate}`, {Machine.Today()}, {watch.Elapsed.TotalSeconds:0} s.\n\n");
        report.Append(string.Create(CultureInfo.InvariantCulture,
            $"One canary run a day on a virtual clock through the service's own `CanaryDrift` (four one-sided tests at `Canary:FalseAlarmRate` {shipped.FalseAlarmRate} / 4 each, z ≥ {CanaryDrift.AlarmZ(shipped.FalseAlarmRate):F2}; baseline: the pooled `Canary:BaselineRuns` {shipped.BaselineRuns} earlier runs; pairs: the previous run) over the shipped reference set ({positives} hallucinated, {negatives} clean items). " +
            $"The judge: sensitivity {se}, specificity {before} until the change, {after} from the first run after it. A *fixed* judge answers an item the same way every day (one uniform per item against the rate, as the simulator's seeded judge); " +
            $"the same-items change keeps those uniforms (what the simulator's per-model override does), a new model draws new ones. A *noisy* judge draws every answer anew every day, the unchanged judge's worst case for false alarms.\n\n"));
        report.Append("Caught on the first run after the change (within one day):\n\n").Append(detection).Append('\n');
        report.Append("False alarms of the unchanged judge (every run after the first, which has nothing to compare with):\n\n").Append(alarms).Append('\n');
        report.Append(string.Create(CultureInfo.InvariantCulture,
            $"Target: caught within one day. With {shipped.BaselineRuns} earlier runs: fixed judge, same items {Fmt.Pct(detected[(false, false, shipped.BaselineRuns)])}; fixed judge, new model {Fmt.Pct(detected[(false, true, shipped.BaselineRuns)])}; noisy judge {Fmt.Pct(detected[(true, true, shipped.BaselineRuns)])}.\n"));
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

    private static (double Low, double High) Wilson(long hits, long trials)
    {
        var interval = QualityWatch.Statistics.WilsonInterval.For(hits, trials);
        return (interval.Lower, interval.Upper);
    }
}
