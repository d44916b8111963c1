using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using QualityWatch.Alerting;
using QualityWatch.Bench.Detection;
using QualityWatch.Bench.Shared;
using QualityWatch.Simulator.Verdicts;
using QualityWatch.Statistics;

namespace QualityWatch.Bench.Calibration;

/// <summary>
/// <c>calibration</c> (issue 18): the corrected interval's coverage over simulated days with known truth, and
/// detection with a judge that errs (sensitivity 0.85, specificity 0.96) against a perfect one at the same spend, by
/// the sequential statistics alone and end to end through the detection bench's virtual service.
/// </summary>
internal static class CalibrationCommand
{
    private const double Truth = 0.02, Sensitivity = 0.85, Specificity = 0.96;

    public static Command Command() => BenchVerb.Create(
        "calibration",
        "corrected-rate coverage with known truth, and detection with a noisy judge against a perfect one",
        RunAsync,
        BenchOption.Int("--days", 1000, "simulated days per calibration size and split"),
        BenchOption.String("--labels", "100,200,500", "calibration sizes (labels)"),
        BenchOption.Int("--stable-days", 10_000, "stable days of the statistics-only model, per judge"),
        BenchOption.Int("--shift-runs", 2_000, "runs of the 2% -> 8% jump in the statistics-only model, per judge"),
        BenchOption.Int("--e2e-runs", 20, "end-to-end deploy 2% -> 8% runs per judge (0 = skip the end-to-end part)"),
        BenchOption.Int("--e2e-stable-runs", 2, "end-to-end stable runs per judge"),
        BenchOption.Int("--e2e-stable-days", 2, "days per end-to-end stable run"),
        BenchOption.Int("--warmups", 2, "end-to-end warm-ups per judge"),
        BenchOption.Int("--warmup-hours", 24, "hours of each end-to-end warm-up"),
        BenchOption.Int("--e2e-horizon-hours", 6, "hours an end-to-end deploy run is watched after the change"),
        BenchOption.String("--e2e-policy", "d", "the detection bench's policy the end-to-end part runs (c: boost 1 in 10 up to 250; d: 1 in 3 up to 500)"),
        BenchOption.Int("--e2e-fine-step-seconds", 2, "virtual clock step for 40 min after the change (the detection bench's is 10 s)"),
        BenchOption.String("--e2e-judges", "perfect,judged,corrected", "end-to-end judges: perfect, judged (noisy, no labels), corrected (noisy, 500 labels)"),
        BenchOption.Int("--parallel", 2, "end-to-end runs at a time"),
        BenchOption.Results(),
        BenchOption.NoWrite());

    private static async Task<int> RunAsync(BenchArgs options)
    {
        var watch = Stopwatch.StartNew();
        var report = new StringBuilder();
        report.Append("## Calibration: coverage and detection with a noisy judge (issue 18)\n\n");
        report.Append(CultureInfo.InvariantCulture, $"`dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll calibration {string.Join(' ', options.Given)}`, {Machine.Today()}, {Machine.Describe()} (Release).\n\n");
        report.Append(Coverage(options.Int("--days"), [.. options.String("--labels").Split(',').Select(l => int.Parse(l, CultureInfo.InvariantCulture))]));
        Console.WriteLine(report);
        var statistics = Statistics(options.Int("--stable-days"), options.Int("--shift-runs"));
        Console.WriteLine(statistics);
        report.Append(statistics);
        var designs = Designs(options.Int("--stable-days"), options.Int("--shift-runs"));
        Console.WriteLine(designs);
        report.Append(designs);
        if (options.Int("--e2e-runs") > 0)
        {
            var e2e = await EndToEndAsync(options);
            Console.WriteLine(e2e);
            report.Append(e2e);
        }

        report.Append(CultureInfo.InvariantCulture, $"\nWhole run: {watch.Elapsed:hh\\:mm\\:ss}.\n");
        if (options.Write)
        {
            var results = options.ResultsPath();
            ResultsFile.WriteSection(results, "## Calibration: coverage and detection", report.ToString());
            Console.WriteLine($"Written to {results}.");
        }

        return 0;
    }

    private static string Coverage(int days, int[] sizes)
    {
        var (_, ppv, falseOmission) = LabelPlan.Strata(Truth, Sensitivity, Specificity);
        var (judgedShare, _, _) = LabelPlan.Strata(Truth, Sensitivity, Specificity);
        var neyman = LabelPlan.YesShare(LabelPlan.Weights(judgedShare, ppv, falseOmission));
        var table = new MarkdownTable(["labels", "judged-yes share", "days", "corrected 95% interval covers", "days without a corrected rate", "median width", "judged (Wilson) interval covers", "ratio to the 93% target"], labelColumns: 2);
        var results = (from labels in sizes
                       from share in new[] { 0.5, neyman }
                       select (labels, share)).AsParallel().AsOrdered().WithDegreeOfParallelism(2)
            .Select(x => new CoverageModel(Truth, Sensitivity, Specificity, 2400, seed: 18_000 + x.labels).Run(days, x.labels, x.share)).ToList();
        foreach (var r in results)
        {
            string split = r.YesShare == 0.5 ? "0.50 (half and half)" : Fmt.F(r.YesShare, 2) + " (Neyman)";
            string width = Fmt.F(r.MedianWidth * 100, 2) + " points";
            table.Add([Fmt.N0(r.Labels), split, Fmt.N0(r.Days), Fmt.Pct(r.Corrected), Fmt.N0(r.Missing), width, Fmt.Pct(r.Judged), Fmt.Times(r.Corrected, 0.93)]);
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"### Coverage\n\nA true {Fmt.Pct(Truth, 0)} stream, 2,400 verdicts a day, judge sensitivity {Sensitivity} and specificity {Specificity}. Each day has its own calibration: ") +
            "labels drawn per judged stratum without replacement from the last 14 days' judged samples (the population `JudgeCalibration` weights them back to), " +
            "then the day's corrected rate (`CorrectedRate`: Rogan–Gladen with the posterior-bootstrap interval) is checked against the truth. " +
            "A day whose calibration refuses (e.g. Se + Sp ≤ 1 in too much of the posterior) counts as not covered.\n\n" + table + "\n";
    }

    private static string Statistics(int stableDays, int shiftRuns)
    {
        var rule = new AlertRuleOptions();
        var known = new EvidenceCalibration
        {
            JudgeModel = "simulated", RubricVersion = "v1", Labels = 0, Sensitivity = Sensitivity, SensitivityLower = Sensitivity, SensitivityUpper = Sensitivity,
            Specificity = Specificity, SpecificityLower = Specificity, SpecificityUpper = Specificity,
        };
        var judges = new (string Name, double Se, double Sp, EvidenceCalibration? Calibration)[]
        {
            ("perfect judge", 1, 1, null),
            ("noisy judge, judged rate (no calibration)", Sensitivity, Specificity, null),
            ("noisy judge, corrected rate (calibration at the true Se, Sp)", Sensitivity, Specificity, known),
        };
        var table = new MarkdownTable(["judge", "stable days", "false alarms per 30 days", "true jump", "runs", "median verdicts", "p90 verdicts", "median at policy (c)'s sampling", "p90 at policy (c)'s sampling"]);
        foreach (var (name, se, sp, calibration) in judges)
        {
            var model = new NoisySequentialModel(rule, se, sp, calibration, 2400, seed: 18);
            var alarms = model.StableDays(Truth, stableDays);
            // 2% -> 4% is the jump the shipped rule is designed for (p1 = 2 × p0); 2% -> 8% the regression.
            foreach (var after in new[] { 0.04, 0.08 })
            {
                var verdicts = Enumerable.Range(0, shiftRuns).Select(_ => (double)(model.VerdictsToDetect(Truth, after, 20_000) ?? 20_000)).Order().ToArray();
                var median = verdicts[verdicts.Length / 2];
                var p90 = verdicts[(int)(verdicts.Length * 0.9)];
                string jump = "2% → " + Fmt.Pct(after, 0);
                table.Add([name, Fmt.N0(stableDays), Fmt.F(alarms * 30.0 / stableDays, 2), jump, Fmt.N0(shiftRuns), Fmt.N0(median), Fmt.N0(p90), Minutes(median), Minutes(p90)]);
            }
        }

        return "### Detection, the sequential statistics alone\n\n" +
            "The shipped `sequential` rule (learned baseline one standard error up, p1 = 2 × p0, CUSUM + deploy SPRT, 1 false alarm per 30 days) on 2,400 verdicts a day, " +
            "a new version a day learning p0 from the day before, the verdicts drawn through the judge. Minutes at policy (c)'s sampling: a new version's first 250 verdicts " +
            "come at the boost's 1 in 10 of 10,000 responses an hour (1,000/h), the rest at the routine 100/h; judge latency not included.\n\n" + table + "\n";
    }

    private static string Designs(int stableDays, int shiftRuns)
    {
        var known = new EvidenceCalibration
        {
            JudgeModel = "simulated", RubricVersion = "v1", Labels = 0, Sensitivity = Sensitivity, SensitivityLower = Sensitivity, SensitivityUpper = Sensitivity,
            Specificity = Specificity, SpecificityLower = Specificity, SpecificityUpper = Specificity,
        };
        var judges = new (string Name, double Se, double Sp, EvidenceCalibration? Calibration)[]
        {
            ("perfect", 1, 1, null),
            ("noisy, judged rate", Sensitivity, Specificity, null),
            ("noisy, corrected rate", Sensitivity, Specificity, known),
        };
        var table = new MarkdownTable(["design", "judge", "false alarms per 30 days", "2% → 8%: median verdicts", "p90 verdicts", "median", "p90", "detected within the boost", "2% → 4%: median", "p90"], labelColumns: 2);
        var rows = (from design in DetectionDesign.All
                    from judge in judges
                    select (design, judge)).AsParallel().AsOrdered().WithDegreeOfParallelism(2).Select(x =>
        {
            var (design, (name, se, sp, calibration)) = x;
            var rule = new AlertRuleOptions { BaselineMultiplier = design.Multiplier };
            var model = new NoisySequentialModel(rule, se, sp, calibration, design.PerDay, seed: 18, design.DeployMultiplier);
            var alarms = model.StableDays(Truth, stableDays);
            double[] Runs(double after) => [.. Enumerable.Range(0, shiftRuns).Select(_ => (double)(model.VerdictsToDetect(Truth, after, 20_000) ?? 20_000)).Order()];
            var big = Runs(0.08);
            var small = Runs(0.04);
            var within = big.Count(v => v <= design.BoostCap) / (double)big.Length;
            return (string[])[design.Name, name, Fmt.F(alarms * 30.0 / stableDays, 2), Fmt.N0(Q(big, 0.5)), Fmt.N0(Q(big, 0.9)), design.Format(Q(big, 0.5)), design.Format(Q(big, 0.9)), Fmt.Pct(within, 0), design.Format(Q(small, 0.5)), design.Format(Q(small, 0.9))];
        }).ToList();
        foreach (var row in rows)
        {
            table.Add(row);
        }

        return "### Detection with a noisy judge: designs at the same spend (statistics alone)\n\n" +
            string.Create(CultureInfo.InvariantCulture, $"{Fmt.N0(stableDays)} stable days and {Fmt.N0(shiftRuns)} runs per jump and judge, as above; every design spends policy (c)'s daily budget (2,400 Flex verdicts, a boost verdict in the standard tier counting 2): a larger boost cap lowers the routine rate for the rest of the day, and the model's verdicts a day (history and CUSUM rate) with it. ") +
            "Minutes from the new version's first response, at 10,000 responses an hour, without judge latency or the rules' one-minute evaluation. " +
            "\"Deploy test at N×\": the deploy SPRT's alternative at N × p0 (on the rule's scale) while the CUSUM keeps 2×; not a service option, modelled to see whether one would pay. " +
            "\"Detected within the boost\": runs that alarmed by the boost's last verdict.\n\n" + table + "\n";
    }

    private static double Q(double[] sorted, double q) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * q))];

    /// <summary>Verdicts of a new version to minutes under policy (c): 250 boost verdicts at 1,000/h, then 100/h.</summary>
    private static string Minutes(double verdicts) =>
        verdicts <= 250 ? $"{Fmt.F(verdicts * 0.06, 1)} min" : $"{Fmt.F(15 + ((verdicts - 250) * 0.6), 0)} min";

    private static async Task<string> EndToEndAsync(BenchArgs options)
    {
        var runs = options.Int("--e2e-runs");
        var stableRuns = options.Int("--e2e-stable-runs");
        var stableDays = options.Int("--e2e-stable-days");
        var warmups = options.Int("--warmups");
        var parallel = options.Int("--parallel");
        var policy = DetectionPolicy.All.Single(p => p.Key == options.String("--e2e-policy"));
        var judges = options.String("--e2e-judges").Split(',');
        var deploy = DetectionScenario.All.Single(s => s.Name == "deploy 2% -> 8%");
        var stable = DetectionScenario.All.Single(s => s.Name == "stable 2%");
        var horizon = TimeSpan.FromHours(options.Int("--e2e-horizon-hours"));
        var warmUp = TimeSpan.FromHours(options.Int("--warmup-hours"));
        var fineStep = TimeSpan.FromSeconds(options.Int("--e2e-fine-step-seconds"));
        var (_, ppv, falseOmission) = LabelPlan.Strata(Truth, Sensitivity, Specificity);
        var work = Directory.CreateTempSubdirectory("qw-calibration-").FullName;
        var table = new MarkdownTable(["judge", "deploy runs", "median", "p90", "detected", "stable runs × days", "false alarms", "per 30 days", "judge spend/day", "verdicts/day", "of which boost"]);
        var noisy = new JudgeErrorOptions { Sensitivity = Sensitivity, Specificity = Specificity };
        try
        {
            using var gate = new SemaphoreSlim(parallel);
            // Both noisy judges resume from the same warm-ups (same judge, same traffic); the corrected one adds review labels.
            var warm = new Dictionary<bool, Snapshot[]>();
            BudgetCalibration? budget = null;
            foreach (var (key, name, error, labels) in new (string, string, JudgeErrorOptions?, int)[]
            {
                ("perfect", "perfect judge", null, 0),
                ("judged", "noisy judge, judged rate (no labels)", noisy, 0),
                ("corrected", "noisy judge, corrected rate (500 labels)", noisy, 500),
            })
            {
                if (!judges.Contains(key))
                {
                    continue;
                }

                var driver = new DetectionDriver(work, LatencyProfile.Realistic, warmUp, keep: false, new Dictionary<string, string?>(), error, fineStep);
                budget ??= await driver.CalibrateAsync();
                if (!warm.TryGetValue(error is null, out var warmed))
                {
                    warmed = await Task.WhenAll(Enumerable.Range(0, warmups).Select(async i =>
                    {
                        await gate.WaitAsync();
                        try
                        {
                            return await driver.WarmUpAsync(policy, budget, Truth, i);
                        }
                        finally
                        {
                            gate.Release();
                        }
                    }));
                    warm[error is null] = warmed;
                }

                var snapshots = labels == 0 ? warmed : [.. warmed.Select((s, i) => Labelled(s, labels, ppv, falseOmission, i))];

                async Task<DetectionRun> Run(DetectionScenario scenario, int i, TimeSpan span)
                {
                    await gate.WaitAsync();
                    try
                    {
                        return await driver.RunAsync(policy, budget, scenario, snapshots[i % warmups], seed: 1 + i, span);
                    }
                    finally
                    {
                        gate.Release();
                    }
                }

                var deploys = new DetectionSummary(policy, deploy, await Task.WhenAll(Enumerable.Range(0, runs).Select(i => Run(deploy, i, horizon))), horizon);
                var stables = new DetectionSummary(policy, stable, await Task.WhenAll(Enumerable.Range(0, stableRuns).Select(i => Run(stable, 100 + i, TimeSpan.FromDays(stableDays)))), TimeSpan.FromDays(stableDays));
                string detected = deploys.Detected.ToString(CultureInfo.InvariantCulture) + "/" + runs.ToString(CultureInfo.InvariantCulture);
                string span = stableRuns.ToString(CultureInfo.InvariantCulture) + " × " + stableDays.ToString(CultureInfo.InvariantCulture);
                string spend = "$" + Fmt.F(stables.UsdPerDay, 4);
                table.Add([name, Fmt.N0(runs), Delay(deploys.DelayQuantile(0.5)), Delay(deploys.DelayQuantile(0.9)), detected, span, Fmt.N0(stables.FalseAlarms), Fmt.F(stables.FalseAlarmsPer30Days, 2), spend, Fmt.N0(stables.VerdictsPerDay), Fmt.N0(stables.BoostedPerDay)]);
                Console.WriteLine(table);
            }
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }

        return "### Detection end to end\n\n" +
            "The detection bench's virtual service (real ingest, sampler, judge worker, rules, outbox; judge simulator over loopback; virtual clock) under " + policy.Name + " " +
            "(change-aware boost in the standard tier, CUSUM + deploy SPRT, policy (a)'s daily budget for every judge), deploy 2% → 8% as in \"Detection\", " +
            string.Create(CultureInfo.InvariantCulture, $"{warmups} warm-ups of {warmUp.TotalHours:0} h per judge (shared by the two noisy ones), a deploy run watched up to {horizon.TotalHours:0} h after the change, the clock stepped {fineStep.TotalSeconds:0} s at a time for 40 min after it (a judge call ends at the next step at the earliest, so the detection bench's 10 s steps would cap the boost lane's 4 calls near 24 a minute, below the boost's 56), ") +
            $"the simulator's judge at sensitivity {Sensitivity} and specificity {Specificity} (`Simulator:Judge`) or perfect. " +
            "Corrected: 500 review labels (Neyman split) written into the warm-up snapshot, drawn at the strata's truth rates, so the rule's p1 is set on the true scale and mapped.\n\n" + table + "\n";
    }

    private static Snapshot Labelled(Snapshot snapshot, int labels, double ppv, double falseOmission, int seed)
    {
        var path = Path.ChangeExtension(snapshot.Path, null) + "-labelled.db";
        File.Copy(snapshot.Path, path, overwrite: true);
        if (File.Exists(snapshot.Path + "-wal"))
        {
            File.Copy(snapshot.Path + "-wal", path + "-wal", overwrite: true);
        }

        var (judgedShare, _, _) = LabelPlan.Strata(Truth, Sensitivity, Specificity);
        LabelSeeder.Seed(path, labels, LabelPlan.YesShare(LabelPlan.Weights(judgedShare, ppv, falseOmission)), ppv, falseOmission, seed);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return snapshot with { Path = path };
    }

    private static string Delay(TimeSpan? delay) => delay is { } d ? (d.TotalHours >= 1 ? $"{(int)d.TotalHours} h {d.Minutes:00} min" : $"{Fmt.F(d.TotalMinutes, 1)} min") : "> horizon";
}
