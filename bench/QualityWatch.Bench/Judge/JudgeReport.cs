using System.Text;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Judge;

/// <summary>The <c>## Judge throughput</c> section of bench/RESULTS.md: figures, ratios, target.</summary>
internal static class JudgeReport
{
    /// <summary>Issue #6: requests per minute reached, as a share of Judge:RequestsPerMinute.</summary>
    public const double TargetShare = 0.95;

    public static string Section(JudgeSetup setup, IReadOnlyList<JudgeScenarioResult> results)
    {
        var rpm = (double)setup.RequestsPerMinute;
        var table = new MarkdownTable(["scenario", "requests/min", "of configured", "fewest–most in a 60 s window", "200 answers/min", "429 answers/min", "queued", "verdicts", "failed", "lost", "max verdicts for one text"]);
        foreach (var r in results)
        {
            table.Add(Label(r.Scenario), Fmt.F(r.RequestsPerMinute, 1), Fmt.Pct(r.RequestsPerMinute / rpm), $"{Fmt.N0(r.FewestInAMinute)}–{Fmt.N0(r.MostInAMinute)}",
                Fmt.F(r.AnswersPerMinute, 1), Fmt.F(r.TooManyPerMinute, 1), Fmt.N0(r.Queued), Fmt.N0(r.Verdicts), Fmt.N0(r.Failed), Fmt.N0(r.Lost), Fmt.N0(r.MaxVerdictsForOneText));
        }

        var clean = results[0];
        var faulty = results[^1];
        var text = new StringBuilder();
        text.Append(setup.Heading()).Append("\n\n");
        text.Append("Machine: ").Append(Machine.Describe()).Append(", Release build. `judge` runs the service and the judge simulator in the bench process,\n")
            .Append("on loopback Kestrel and the real clock: Gemini protocol, `standard` tier, latency `").Append(setup.Latency).Append("` (median, p90),\n")
            .Append("`Judge:RequestsPerMinute` ").Append(Fmt.N0(rpm)).Append(", `Judge:MaxConcurrency` ").Append(Fmt.N0(setup.MaxConcurrency))
            .Append(", the explicit rubric cache on, other settings default. Every sample\n")
            .Append("is queued through `POST /v1/interactions` (NDJSON, `Sampling:EveryN` 1) at the start; requests are counted where they\n")
            .Append("arrive, at the simulator, in ").Append(Fmt.N0(setup.Measure.TotalSeconds)).Append(" s after ").Append(Fmt.N0(setup.Warmup.TotalSeconds))
            .Append(" s of warm-up from the first judge request, the queue still deep\n")
            .Append("at the end. Per minute is the mean over every 60 s window starting (a second apart) in that period: the limiter sends in\n")
            .Append("bursts, so one fixed minute would count whole bursts or none. Then the queue is drained and every sample is accounted\n")
            .Append("for: lost = queued − verdicts − still pending.\n")
            .Append("429s are Gemini `RESOURCE_EXHAUSTED` with `RetryInfo.retryDelay` ").Append(Fmt.N0(setup.RetryDelay.TotalSeconds))
            .Append(" s, drawn at random (seeded).\n\n");
        text.Append(table).Append('\n');
        foreach (var r in results)
        {
            text.Append("- ").Append(Label(r.Scenario)).Append(": ").Append(Fmt.N0(r.IdleSeconds)).Append(" of ").Append(Fmt.N0(setup.Measure.TotalSeconds))
                .Append(" s without a request; busiest 60 s of the whole run ").Append(Fmt.N0(r.BusiestMinuteOfRun))
                .Append("; other answers ").Append(Fmt.N0(r.OtherAnswers)).Append("; rubric cache calls ").Append(Fmt.N0(r.CacheRequests)).Append("; samples pending at the end of the window ").Append(Fmt.N0(r.PendingAtWindowEnd))
                .Append("; samples with more than one verdict ").Append(Fmt.N0(r.SamplesWithSeveralVerdicts))
                .Append("; 1-minute load average before ").Append(r.LoadBefore < 0 ? "-" : Fmt.F(r.LoadBefore, 2));
            if (r.FailureReasons.Count > 0)
            {
                text.Append("; failed: ").AppendJoin("; ", r.FailureReasons);
            }

            text.Append('\n');
        }

        text.Append('\n');
        text.Append("Ratios: with ").Append(Fmt.Pct(faulty.Scenario.Rate429, 0)).Append(" 429s, requests/min are ").Append(Fmt.Times(faulty.RequestsPerMinute, clean.RequestsPerMinute, 3))
            .Append(" and 200 answers/min ").Append(Fmt.Times(faulty.AnswersPerMinute, clean.AnswersPerMinute, 3)).Append(" of the run without faults.\n\n");
        text.Append("Target: ≥ ").Append(Fmt.Pct(TargetShare, 0)).Append(" of the configured requests per minute, 0 samples lost: ");
        text.AppendJoin("; ", results.Select(r => $"{Label(r.Scenario)} **{(r.RequestsPerMinute >= TargetShare * rpm && r.Lost == 0 && r.StillQueued == 0 ? "met" : "missed")}**"));
        text.Append(".\n\n");
        text.Append("The long-run ceiling is ").Append(Fmt.F(rpm * 60 / 61, 1)).Append(" requests/min (").Append(Fmt.Pct(60.0 / 61))
            .Append("): `JudgeRateLimits` counts permits over 61 s so that no 60 s window the provider looks at\n")
            .Append("holds more than the limit. A 429 takes a permit like any attempt, so 200 answers/min cannot pass (1 − 429 share) of it.\n");
        return text.ToString();
    }

    private static string Label(JudgeScenario scenario) => scenario.Rate429 > 0 ? $"{scenario.Name} ({Fmt.Pct(scenario.Rate429, 0)})" : scenario.Name;

    private static string Heading(this JudgeSetup setup) => $"{JudgeThroughput.Heading} ({Machine.Today()})";
}
