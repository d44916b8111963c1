using System.CommandLine;
using System.Globalization;
using Dapper;
using QualityWatch.Bench.Shared;
using QualityWatch.Simulator;
using QualityWatch.Simulator.Stats;

namespace QualityWatch.Bench.Judge;

/// <summary>
/// <c>judge</c>: the real service judging a deep queue through the simulator on a real clock, where
/// the configured requests-per-minute, not concurrency or latency, should bind. Measures at the
/// simulator what arrived per minute, then drains and accounts for every sample queued.
/// </summary>
internal static class JudgeThroughput
{
    public static Command Command() => BenchVerb.Create(
        "judge",
        "judge throughput against the simulator at a requests-per-minute limit, with and without 429s",
        RunAsync,
        BenchOption.Int("--rpm", 600, "the judge's requests per minute limit"),
        BenchOption.Int("--concurrency", 32, "concurrent judge calls"),
        BenchOption.String("--latency", "lognormal 1s 3s", "the simulated judge latency"),
        BenchOption.Seconds("--warmup", 60, "warm-up before measuring"),
        BenchOption.Seconds("--measure", 180, "measured period"),
        BenchOption.Seconds("--retry-delay", 2, "delay before retrying a 429"),
        BenchOption.Double("--rate429", 0.15, "share of judge calls answered 429"),
        BenchOption.Results(),
        BenchOption.NoWrite());

    public const string Heading = "## Judge throughput";

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var setup = new JudgeSetup(
            a.Int("--rpm"), a.Int("--concurrency"), a.String("--latency"),
            a.Seconds("--warmup"), a.Seconds("--measure"), a.Seconds("--retry-delay"));
        JudgeScenario[] scenarios = [new("no faults", 0), new("429 injection", a.Double("--rate429"))];

        var results = new List<JudgeScenarioResult>();
        foreach (var scenario in scenarios)
        {
            var result = await RunScenarioAsync(setup, scenario);
            results.Add(result);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{scenario.Name}: {result.RequestsPerMinute:F1} requests/min ({result.AnswersPerMinute:F1} answered 200, {result.TooManyPerMinute:F1} 429), 60 s windows {result.FewestInAMinute}-{result.MostInAMinute}, idle seconds {result.IdleSeconds}, queued {result.Queued}, verdicts {result.Verdicts}, lost {result.Lost}"));
        }

        var section = JudgeReport.Section(setup, results);
        Console.WriteLine();
        Console.WriteLine(section);
        if (!a.Flag("--no-write"))
        {
            ResultsFile.WriteSection(a.ResultsPath(), Heading, section);
        }

        return results.All(r => r.Lost == 0 && r.StillQueued == 0) ? 0 : 1;
    }

    private static async Task<JudgeScenarioResult> RunScenarioAsync(JudgeSetup setup, JudgeScenario scenario)
    {
        var load = Machine.LoadAverage();
        var simulator = new SimulatorOptions();
        simulator.Faults.Latency["*"] = setup.Latency;
        simulator.Faults.Rate429 = scenario.Rate429;
        simulator.Faults.RetryDelay = setup.RetryDelay;
        await using var rig = await JudgeRig.StartAsync(simulator, new Dictionary<string, string?>
        {
            ["Judge:RequestsPerMinute"] = setup.RequestsPerMinute.ToString(CultureInfo.InvariantCulture),
            ["Judge:MaxConcurrency"] = setup.MaxConcurrency.ToString(CultureInfo.InvariantCulture),
            ["Judge:ServiceTier"] = "standard",
        });

        // Deep enough that the queue never runs dry before the measurement ends, even at the full rate.
        var queued = await rig.QueueAsync(Guid.NewGuid().ToString("N")[..8], setup.SamplesToQueue);
        var stats = rig.Simulator.Stats;
        while (stats.JudgeRequestTimes.Count == 0)
        {
            await Task.Delay(100);
        }

        var from = stats.JudgeRequestTimes[0] + setup.Warmup;
        var to = from + setup.Measure;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{scenario.Name}: {queued} samples queued; measuring {setup.Measure.TotalSeconds:F0} s after {setup.Warmup.TotalSeconds:F0} s of warm-up"));
        var wait = to - TimeProvider.System.GetUtcNow();
        await Task.Delay(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
        var pendingAtEnd = rig.StatusCounts().GetValueOrDefault("pending");

        // Leftovers at the full rate, with room for retries and backoffs.
        var left = queued - rig.StatusCounts().GetValueOrDefault("done");
        var counts = await rig.DrainAsync(TimeSpan.FromMinutes(3 + (2.0 * left / setup.RequestsPerMinute)));

        var answers = stats.Records.Where(r => r.Kind == EndpointKind.GenerateContent).ToList();
        var requests = MinuteWindows.Of(stats.JudgeRequestTimes, from, to);
        using var db = rig.Open();
        return new JudgeScenarioResult(
            scenario,
            requests.Mean,
            requests.Min,
            requests.Max,
            MinuteWindows.Of(answers.Where(r => r.StatusCode == 200).Select(r => r.Timestamp), from, to).Mean,
            MinuteWindows.Of(answers.Where(r => r.StatusCode == 429).Select(r => r.Timestamp), from, to).Mean,
            answers.Count(r => r.StatusCode is not (200 or 429)),
            MinuteWindows.IdleSeconds(stats.JudgeRequestTimes, from, to),
            stats.MaxRequestsInWindow(TimeSpan.FromSeconds(60)),
            stats.Count(EndpointKind.CacheCreate) + stats.Count(EndpointKind.CachePatch) + stats.Count(EndpointKind.CacheGet),
            pendingAtEnd,
            queued,
            counts.GetValueOrDefault("done"),
            counts.GetValueOrDefault("failed"),
            counts.GetValueOrDefault("pending") + counts.GetValueOrDefault("leased"),
            db.ExecuteScalar<long>("SELECT COUNT(*) FROM verdicts"),
            db.ExecuteScalar<long>("SELECT COUNT(*) FROM (SELECT interaction_id FROM verdicts GROUP BY interaction_id HAVING COUNT(*) > 1)"),
            stats.MaxVerdictsForOneText,
            [.. db.Query<string>("SELECT DISTINCT last_error FROM samples WHERE status = 'failed' LIMIT 5")],
            load);
    }
}
