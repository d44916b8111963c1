using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using QualityWatch.Alerting;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Sequential;

/// <summary>
/// <c>false-alarms</c>: the sequential rule's false alarms per 30 days on stable traffic, and its samples to
/// detect a jump, with a learned baseline taken at the point estimate and at the shipped margin
/// (<see cref="AlertRuleOptions.BaselineStandardErrors"/>), through <see cref="SequentialModel"/>.
/// </summary>
internal static class FalseAlarmCommand
{
    public static Command Command() => BenchVerb.Create(
        "false-alarms",
        "the sequential rule's statistics alone: false alarms per 30 days and verdicts to detect a jump",
        Run,
        BenchOption.Int("--days", 30_000, "simulated days of stable traffic"),
        BenchOption.Int("--shift-runs", 5_000, "runs per jump to measure detection"),
        BenchOption.Int("--per-day", 2_400, "verdicts per day"),
        BenchOption.String("--margins", "0,1", "comma-separated baseline margins (standard errors)"),
        BenchOption.Results(),
        BenchOption.NoWrite());

    private static readonly (double Before, double After)[] Jumps = [(0.02, 0.08), (0.05, 0.10)];
    private static readonly int[] Lookbacks = [1, 7];

    private static int Run(BenchArgs options)
    {
        var days = options.Int("--days");
        var shiftRuns = options.Int("--shift-runs");
        var perDay = options.Int("--per-day");
        var margins = options.String("--margins").Split(',').Select(m => double.Parse(m, CultureInfo.InvariantCulture)).ToArray();
        var watch = Stopwatch.StartNew();
        var shipped = new AlertRuleOptions();

        var stable = new MarkdownTable(["base rate", "baseline learned from", "p0 margin (standard errors)", "days", "CUSUM alarms", "deploy-test alarms", "false alarms per 30 days", "95% interval"], labelColumns: 3);
        foreach (var rate in Jumps.Select(j => j.Before))
        {
            foreach (var lookback in Lookbacks)
            {
                foreach (var margin in margins)
                {
                    var model = new SequentialModel(Rule(margin, deployTest: true), perDay, lookback, seed: 1);
                    var (cusum, sprt) = model.StableDays(rate, days);
                    var (low, high) = PoissonInterval(cusum + sprt);
                    stable.Add(Fmt.Pct(rate, 0), Plural(lookback, "day"), Fmt.F(margin, 1), Fmt.N0(days), Fmt.N0(cusum), Fmt.N0(sprt),
                        Fmt.F((cusum + sprt) * 30.0 / days, 2), $"{Fmt.F(low * 30 / days, 2)}–{Fmt.F(high * 30 / days, 2)}");
                }
            }
        }

        var delays = new MarkdownTable(["jump", "tests", "p0 margin (standard errors)", "runs", "median verdicts", "p90 verdicts", "mean verdicts"], labelColumns: 3);
        var medians = new Dictionary<(double, bool, double), double>();
        foreach (var (before, after) in Jumps)
        {
            foreach (var deployTest in new[] { true, false })
            {
                foreach (var margin in margins)
                {
                    var model = new SequentialModel(Rule(margin, deployTest), perDay, lookbackDays: 1, seed: 2);
                    var samples = Enumerable.Range(0, shiftRuns).Select(_ => (double)(model.SamplesToDetect(before, after, 100_000) ?? 100_000)).Order().ToArray();
                    medians[(before, deployTest, margin)] = samples[samples.Length / 2];
                    delays.Add($"{Fmt.Pct(before, 0)} → {Fmt.Pct(after, 0)}", deployTest ? "CUSUM + deploy test" : "CUSUM only", Fmt.F(margin, 1), Fmt.N0(shiftRuns),
                        Fmt.N0(samples[samples.Length / 2]), Fmt.N0(samples[(int)(samples.Length * 0.9)]), Fmt.N0(samples.Average()));
                }
            }
        }

        var ratios = new StringBuilder();
        if (margins.Length > 1)
        {
            foreach (var (before, after) in Jumps)
            {
                foreach (var deployTest in new[] { true, false })
                {
                    ratios.Append(CultureInfo.InvariantCulture, $"- {Fmt.Pct(before, 0)} → {Fmt.Pct(after, 0)}, {(deployTest ? "CUSUM + deploy test" : "CUSUM only")}: median verdicts with margin {Fmt.F(margins[^1], 1)} / {Fmt.F(margins[0], 1)} = ")
                        .Append(Fmt.Times(medians[(before, deployTest, margins[^1])], medians[(before, deployTest, margins[0])])).Append('\n');
                }
            }
        }

        var report = new StringBuilder();
        report.Append("## False alarms of the sequential rule\n\n");
        report.Append(CultureInfo.InvariantCulture, $"`dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll false-alarms --days {days} --shift-runs {shiftRuns} --per-day {perDay} --margins {string.Join(',', margins.Select(m => m.ToString(CultureInfo.InvariantCulture)))}`, {Machine.Today()}, {watch.Elapsed.TotalSeconds:0} s.\n\n");
        report.Append(string.Create(CultureInfo.InvariantCulture,
            $"The sequential rule's statistics alone, without the pipeline: the service's own `CusumState`, `DeployAnchoredSprt`, `BernoulliCusum` and `LearnedBaseline` at the shipped rule options (`FalseAlarmsPer30Days` {shipped.FalseAlarmsPer30Days}, `DeployTestShare` {shipped.DeployTestShare}, `BaselineMultiplier` {shipped.BaselineMultiplier}, deploy test over {shipped.DeployTestSamples} verdicts; derived in `docs/statistics.md`). " +
            $"A new prompt_version every day, judged {Fmt.N0(perDay)} times (policy (c)'s daily spend), its p0 learned from the verdicts of the days before it, as the rule learns it from the stream's other versions; the CUSUM's alarm level set for {Fmt.N0(perDay / 24.0)} verdicts/h. ")).Append(
            "A day counts once if either test alarmed on its version. The detection bench's stable runs start from a one-day warm-up, so their baselines are learned from 1 to a few days.\n\n");
        report.Append(stable).Append('\n');
        report.Append("Verdicts of the new version to its first alarm (baseline learned from one day):\n\n");
        report.Append(delays).Append('\n');
        report.Append(ratios);
        var text = report.ToString();
        Console.WriteLine(text);
        if (options.Write)
        {
            var results = options.ResultsPath();
            ResultsFile.WriteSection(results, "## False alarms of the sequential rule", text);
            Console.WriteLine($"Written to {results}.");
        }

        return 0;
    }

    private static AlertRuleOptions Rule(double margin, bool deployTest) => new()
    {
        BaselineStandardErrors = margin,
        DeployTestShare = deployTest ? new AlertRuleOptions().DeployTestShare : 0,
    };

    private static string Plural(int count, string unit) => count.ToString(CultureInfo.InvariantCulture) + " " + unit + (count == 1 ? "" : "s");

    /// <summary>Garwood's exact 95% interval for a Poisson count, its chi-square quantiles by the Wilson–Hilferty approximation.</summary>
    private static (double Low, double High) PoissonInterval(long k)
    {
        static double ChiSquare(double z, double df)
        {
            var c = 2 / (9 * df);
            return df * Math.Pow(1 - c + (z * Math.Sqrt(c)), 3);
        }

        return (k == 0 ? 0 : ChiSquare(-1.959964, 2 * k) / 2, ChiSquare(1.959964, (2 * k) + 2) / 2);
    }
}
