using System.Text;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Dedup;

/// <summary>The <c>## Dedup window</c> section of bench/RESULTS.md: the record's size against the window, and the ingest rate.</summary>
internal static class DedupWindowReport
{
    public const string Heading = "## Dedup window";

    /// <summary>Issue #14: the stored ids stay within this many times the ids the window holds.</summary>
    public const double MaxWindowsStored = 2;

    public static string Section(IReadOnlyList<DedupWindowResult> results, TimeSpan window, TimeSpan every, double? referenceRate)
    {
        var table = new MarkdownTable(["build", "ids pushed", "interactions/s", "stored, max", "stored, final", "worst stored / ids in window", "errors", "load avg before"]);
        foreach (var r in results)
        {
            var worst = r.Worst is null ? "-" : $"{Fmt.Times(r.WorstRatio, 1)} ({Fmt.N0(r.Worst.Stored)} / {Fmt.N0(r.WorstWindowIds)})";
            table.Add(r.Build, Fmt.N0(r.Run.Interactions), Fmt.N0(r.Run.Rate), Fmt.N0(r.MaxStored), Fmt.N0(r.FinalStored), worst, Fmt.N0(r.Run.Errors),
                r.LoadBefore < 0 ? "-" : Fmt.F(r.LoadBefore, 2));
        }

        var measured = results[^1];
        var run = measured.Run;
        var text = new StringBuilder();
        text.Append(Heading).Append(" (").Append(Machine.Today()).Append(")\n\n");
        text.Append("Machine: ").Append(Machine.Describe()).Append(", Release build. `dedup-window` starts the service as its own process (as `ingest-suite`\n")
            .Append("does: a fresh temp database, `synchronous=FULL`, no judge key) with `Ingest:DedupWindow` ").Append(Fmt.N0(window.TotalSeconds))
            .Append(" s and pushes new ids through it with the\n")
            .Append("ingest suite's load generator (NDJSON, ").Append(Fmt.N0(run.Batch)).Append(" per request, ").Append(Fmt.N0(run.Connections))
            .Append(" connections) as fast as it takes them. Every ").Append(Fmt.N0(every.TotalSeconds)).Append(" s, and once at the end, a\n")
            .Append("read-only snapshot counts `seen_interactions` (every stored id, across the dedup buckets) and the interactions accepted\n")
            .Append("so far (`volume_hourly`). \"Ids in window\" is what was accepted in the last window before that count (from the first count\n")
            .Append("inside it, so it errs low and the ratio high): what an exact record pruned instantly would hold. The buckets are quarters\n")
            .Append("of the window, so between two drops the record holds up to 1.25 windows of ids, plus what arrives while a drop waits for the next commit.\n\n");
        text.Append(table).Append('\n');
        text.Append("Target: the stored ids stay within ").Append(Fmt.N0(MaxWindowsStored)).Append("× the ids the window holds: **")
            .Append(measured.WorstRatio <= MaxWindowsStored ? "met" : "missed").Append("** (worst ").Append(Fmt.Times(measured.WorstRatio, 1)).Append(").\n\n");
        if (results.Count > 1)
        {
            var baseline = results[0];
            text.Append("Ingest rate against ").Append(baseline.Build).Append(" in the same session: **").Append(Fmt.Times(run.Rate, baseline.Run.Rate))
                .Append("** (").Append(Fmt.N0(run.Rate)).Append(" vs ").Append(Fmt.N0(baseline.Run.Rate)).Append("/s).\n");
        }

        text.Append("Ingest rate against the ingest suite's NDJSON figure in this file: ")
            .Append(referenceRate is { } reference ? $"**{Fmt.Times(run.Rate, reference)}** ({Fmt.N0(run.Rate)} vs {Fmt.N0(reference)}/s, measured on an idle machine)" : "none to compare with")
            .Append(". On a machine shared with other work the rates move with its load (the load average column), so both ratios carry that noise.\n\n");
        text.Append("Reproduce: `dotnet build -c Release bench/QualityWatch.Bench`, then\n")
            .Append("`dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll dedup-window`; for the baseline row, build an older\n")
            .Append("commit in Release elsewhere and add `--baseline-dll PATH/src/QualityWatch/bin/Release/net10.0/QualityWatch.dll --baseline-name NAME`.\n");
        return text.ToString();
    }
}
