using System.Text;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Versions;

/// <summary>The <c>## Version cardinality</c> section of bench/RESULTS.md.</summary>
internal static class VersionsReport
{
    /// <summary>Issue #14: the service's peak RSS while a sender mints versions.</summary>
    public const double TargetRssMiB = 300;

    public static string Section(IReadOnlyList<VersionsResult> results)
    {
        var table = new MarkdownTable([
            "scenario", "interactions", "load time", "errors", "RSS idle", "peak RSS (load)", "sampling_versions rows",
            "RSS after restart", "first ingest after restart", "peak RSS (restart)"]);
        foreach (var r in results)
        {
            table.Add(r.Scenario, Fmt.N0(r.Interactions), Fmt.F(r.LoadSeconds, 1) + " s", Fmt.N0(r.LoadErrors), MiB(r.IdleRssBytes), MiB(r.LoadPeakRssBytes),
                Fmt.N0(r.TrackedRows), MiB(r.RestartIdleRssBytes), Fmt.N0(r.FirstIngestMs) + " ms" + (r.FirstIngestOk ? "" : " (failed)"), MiB(r.RestartPeakRssBytes));
        }

        var capped = results[0];
        var peak = Math.Max(capped.LoadPeakRssBytes, capped.RestartPeakRssBytes) / 1_048_576.0;
        var text = new StringBuilder();
        text.Append(VersionsCommand.Heading).Append(" (").Append(Machine.Today()).Append(")\n\n");
        text.Append("Machine: ").Append(Machine.Describe()).Append(", Release build. `versions` starts the service as its own process on a fresh\n")
            .Append("temp database (defaults, one API key, no judge key), sends each interaction with a prompt_version no other one has\n")
            .Append("(NDJSON, 500 per request, 4 connections, `Sampling:EveryN` 100), stops it with SIGTERM, starts it again on the same\n")
            .Append("database and times the first ingest (one interaction with yet another new version, send to committed answer).\n")
            .Append("RSS is `VmRSS` / peak `VmHWM` from /proc/PID/status of the service; \"no cap\" sets `Sampling:MaxVersionsPerStream`\n")
            .Append("beyond the run, which is how every version was tracked before the cap.\n\n");
        text.Append("```sh\ndotnet build -c Release bench/QualityWatch.Bench\n")
            .Append("dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll versions --count ")
            .Append(capped.Interactions).Append(results.Count > 1 ? " --uncapped" : "").Append("\n```\n\n");
        text.Append(table).Append('\n');
        if (results.Count > 1)
        {
            var uncapped = results[1];
            text.Append("Ratios (no cap ÷ default cap): peak RSS under load **").Append(Fmt.Times(uncapped.LoadPeakRssBytes, capped.LoadPeakRssBytes, 1))
                .Append("**, peak RSS after the restart **").Append(Fmt.Times(uncapped.RestartPeakRssBytes, capped.RestartPeakRssBytes, 1))
                .Append("**, first ingest after the restart **").Append(Fmt.Times(uncapped.FirstIngestMs, capped.FirstIngestMs, 0)).Append("**.\n\n");
        }

        text.Append("Target: service RSS under ").Append(Fmt.N0(TargetRssMiB)).Append(" MiB: **")
            .Append(peak < TargetRssMiB ? "met" : "missed").Append("** (peak ").Append(Fmt.N0(peak)).Append(" MiB, ")
            .Append(Fmt.F(peak / TargetRssMiB, 2)).Append(" of the target).\n");
        return text.ToString();
    }

    private static string MiB(long bytes) => Fmt.N0(bytes / 1_048_576.0) + " MiB";
}
