using System.Text;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Ingest;

/// <summary>The <c>## Ingest suite</c> section of bench/RESULTS.md: figures, ratio, target.</summary>
internal static class IngestReport
{
    /// <summary>Issue #6: NDJSON batches must sustain this many interactions per second.</summary>
    public const double TargetPerSecond = 50_000;

    public static string Section(IReadOnlyList<IngestScenarioResult> results, TimeSpan seconds, TimeSpan warmup)
    {
        var table = new MarkdownTable(["scenario", "interactions/s", "sampled", "p50 request", "p99 request", "errors", "service peak RSS", "load avg before"]);
        foreach (var r in results)
        {
            var run = r.Run;
            table.Add(r.Scenario.Name, Fmt.N0(run.Rate), Fmt.Pct(run.Interactions == 0 ? 0 : (double)run.Sampled / run.Interactions), Fmt.F(run.P50Ms, 1) + " ms",
                Fmt.F(run.P99Ms, 1) + " ms", Fmt.N0(run.Errors), Fmt.N0(r.PeakRssBytes / 1_048_576.0) + " MiB", r.LoadBefore < 0 ? "-" : Fmt.F(r.LoadBefore, 2));
        }

        var batch = results.First(r => r.Scenario.Batch > 1).Run;
        var single = results.First(r => r.Scenario.Batch == 1).Run;
        var text = new StringBuilder();
        text.Append(Heading()).Append("\n\n");
        text.Append("Machine: ").Append(Machine.Describe()).Append(", Release build. `ingest-suite` starts the service as its own process per scenario\n")
            .Append("(`dotnet src/QualityWatch/bin/Release/net10.0/QualityWatch.dll --urls http://127.0.0.1:PORT`, a fresh temp database,\n")
            .Append("one `Auth:Keys` key (roles `ingest`, `read`) sent as Bearer, no judge key), waits for `/readyz` to report the database ready, loads it\n")
            .Append("from the bench process over 127.0.0.1 for ").Append(Fmt.N0(seconds.TotalSeconds)).Append(" s after a ").Append(Fmt.N0(warmup.TotalSeconds))
            .Append(" s warm-up, reads its peak RSS (`VmHWM` in /proc/PID/status) and stops it\n")
            .Append("with SIGTERM. Defaults otherwise: dedup on (24 h), `synchronous=FULL`, `Sampling:EveryN` 100 and change-aware\n")
            .Append("sampling: on a fresh database prompt_version v0 is the baseline, v1 and v2 are new and boosted to 1 in 10 for an hour,\n")
            .Append("so ~7 % of the interactions are sampled (redacted and stored in full), against 1 % in the first row of the \"Ingest\" section.\n")
            .Append("The interactions are the ones of the \"Ingest\" section (~260 bytes, an email and a phone number each). The service and the\n")
            .Append("load generator share its cores; \"load avg before\" is the machine's 1-minute load average when the scenario started.\n\n");
        text.Append(table).Append('\n');
        text.Append("Ratio: NDJSON batches carry **").Append(Fmt.Times(batch.Rate, single.Rate, 1)).Append("** the interactions/s of single-object posts (")
            .Append(Fmt.N0(batch.Rate)).Append(" vs ").Append(Fmt.N0(single.Rate)).Append("/s).\n\n");
        text.Append("Target: ≥ ").Append(Fmt.N0(TargetPerSecond)).Append(" interactions/s with NDJSON batches: **")
            .Append(batch.Rate >= TargetPerSecond ? "met" : "missed").Append("** (").Append(Fmt.N0(batch.Rate)).Append("/s).\n");
        return text.ToString();
    }

    private static string Heading() => $"{IngestSuite.Heading} ({Machine.Today()})";
}
