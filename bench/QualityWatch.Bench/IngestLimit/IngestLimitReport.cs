using System.Text;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.IngestLimit;

/// <summary>The <c>## Ingest against the machine's limit</c> section of bench/RESULTS.md: every figure as a ratio to the same round's limit.</summary>
internal static class IngestLimitReport
{
    /// <summary>Issue #20: NDJSON batches at this share of the parse-only limit or more.</summary>
    public const double BatchTarget = 0.60;

    /// <summary>Issue #20: single objects at this share of the parse-only limit or more.</summary>
    public const double SingleTarget = 0.50;

    /// <summary>Issue #20: the service's peak resident set stays under this.</summary>
    public const long RssTargetBytes = 300L * 1_048_576;

    public static string Section(IReadOnlyList<IngestLimitRun> runs, TimeSpan seconds, TimeSpan warmup, IReadOnlyList<string> given)
    {
        var table = new MarkdownTable(["scenario", "round", "limit (parse-only)", "QualityWatch", "ratio", "CPU µs/interaction: limit / QualityWatch", "CPU ratio", "QualityWatch p50 / p99", "peak RSS", "fsync (median)", "durable bound", "load avg before"]);
        foreach (var r in runs)
        {
            table.Add(r.Scenario.Name, r.Round.ToString(System.Globalization.CultureInfo.InvariantCulture), Fmt.N0(r.Baseline.Rate) + "/s", Fmt.N0(r.Service.Rate) + "/s",
                Fmt.Pct(r.Ratio), Fmt.F(r.BaselineCpuUs, 1) + " / " + Fmt.F(r.ServiceCpuUs, 1), Fmt.Pct(r.CpuRatio), Fmt.F(r.Service.P50Ms, 1) + " / " + Fmt.F(r.Service.P99Ms, 1) + " ms", Fmt.N0(r.ServicePeakRssBytes / 1_048_576.0) + " MiB",
                Fmt.F(r.FsyncMs, 2) + " ms", r.Scenario.Batch > 1 ? "-" : Fmt.N0(r.DurableBound) + "/s", r.LoadBefore < 0 ? "-" : Fmt.F(r.LoadBefore, 2));
        }

        var text = new StringBuilder();
        text.Append(Heading()).Append("\n\n");
        text.Append("Machine: ").Append(Machine.Describe()).Append(", Release build, shared with other work (see the load column). Reproduce:\n")
            .Append("`dotnet build -c Release bench/QualityWatch.Bench && dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll ingest-limit")
            .Append(given.Count == 0 ? "" : " " + string.Join(' ', given)).Append("`.\n\n")
            .Append("Per round and scenario the bench starts the parse-only server (bench/QualityWatch.Bench.Baseline: reads the whole body, runs\n")
            .Append("`Utf8JsonReader` over every NDJSON line, answers 200 with QualityWatch's answer shape; no auth, no storage) as its own process, and\n")
            .Append("then QualityWatch (its own process, a fresh database, defaults: dedup on for 24 h, `synchronous=FULL`, `Sampling:EveryN` 100 with\n")
            .Append("change-aware boosts, the cardinality caps). Each gets a ").Append(Fmt.N0(warmup.TotalSeconds)).Append(" s warm-up and ")
            .Append(Fmt.N0(seconds.TotalSeconds)).Append(" s of load from the same client (the `ingest` verb's, ~260-byte interactions with an email and a phone\n")
            .Append("number each). The ratio is QualityWatch's interactions/s over the limit measured in the same round; peak RSS is QualityWatch's `VmHWM`.\n")
            .Append("\"CPU µs/interaction\" is each server's user + system CPU (/proc/PID/stat) during its measured load over the interactions it\n")
            .Append("acknowledged; \"CPU ratio\" is the limit's over QualityWatch's: the ratio an otherwise idle machine would show, where the\n")
            .Append("interactions/s ratio also measures how the scheduler shared the cores with the other work on the machine.\n")
            .Append("\"fsync\" is the median of 50 appends of 4 KiB + fsync in the database's folder right after the round; \"durable bound\" is\n")
            .Append("connections × 1000 / fsync ms: the most single objects/s any server that answers 200 only after an fsync can acknowledge,\n")
            .Append("since each connection waits for its commit and a commit costs at least one fsync. The parse-only server has no such bound.\n\n");
        text.Append(table).Append('\n');
        text.Append(Verdict(runs, batch: true, BatchTarget)).Append(Verdict(runs, batch: false, SingleTarget));
        var peak = runs.Count == 0 ? 0 : runs.Max(r => r.ServicePeakRssBytes);
        text.Append("- service peak RSS ").Append(Fmt.N0(peak / 1_048_576.0)).Append(" MiB, target < 300 MiB: **").Append(peak < RssTargetBytes ? "met" : "missed").Append("**\n");
        return text.ToString();
    }

    private static string Verdict(IReadOnlyList<IngestLimitRun> runs, bool batch, double target)
    {
        var mine = runs.Where(r => r.Scenario.Batch > 1 == batch).ToList();
        if (mine.Count == 0)
        {
            return "";
        }

        var ratios = mine.Select(r => r.Ratio).Order().ToList();
        var median = ratios[ratios.Count / 2];
        var cpu = mine.Select(r => r.CpuRatio).Order().ToList();
        var text = $"- {mine[0].Scenario.Name}: median ratio **{Fmt.Pct(median)}** (range {Fmt.Pct(ratios[0])}–{Fmt.Pct(ratios[^1])}) of the limit, target ≥ {Fmt.Pct(target, 0)}: " +
            $"**{(median >= target ? "met" : "missed")}**; by CPU per interaction **{Fmt.Pct(cpu[cpu.Count / 2])}** (range {Fmt.Pct(cpu[0])}–{Fmt.Pct(cpu[^1])})";
        if (!batch)
        {
            var bound = mine.Select(r => r.Service.Rate / r.DurableBound).Order().ToList();
            text += $"; QualityWatch reached a median **{Fmt.Pct(bound[bound.Count / 2])}** of the durable bound (connections / fsync)";
        }

        return text + "\n";
    }

    private static string Heading() => $"{IngestLimitCommand.Heading} ({Machine.Today()}, issue #20)";
}
