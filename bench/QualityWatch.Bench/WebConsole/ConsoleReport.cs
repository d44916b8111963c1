using System.Text;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.WebConsole;

/// <summary>The <c>## Console pages</c> section of bench/RESULTS.md.</summary>
internal static class ConsoleReport
{
    public static string Section(int samples, double fillSeconds, double rollupSeconds, IReadOnlyList<ConsolePageResult> results)
    {
        var table = new MarkdownTable(["page", "p50", "p95", "max", "p95 / target", "errors"]);
        foreach (var r in results)
        {
            table.Add("`" + r.Page + "`", Fmt.F(r.P50, 1) + " ms", Fmt.F(r.P95, 1) + " ms", Fmt.F(r.Max, 1) + " ms", Fmt.Times(r.P95, ConsoleCommand.TargetMs), Fmt.N0(r.Errors));
        }

        var text = new StringBuilder();
        text.Append(ConsoleCommand.Heading).Append(" (").Append(Machine.Today()).Append(")\n\n");
        text.Append("Machine: ").Append(Machine.Describe()).Append(", Release build. `console` starts the service in its own process (Kestrel, 127.0.0.1) to create\n")
            .Append("the schema, fills the database directly with ").Append(Fmt.N0(samples)).Append(" samples, each judged (3 streams, 4 prompt_versions,\n")
            .Append("30 days, 8 % hallucinated; ").Append(Fmt.F(fillSeconds, 1)).Append(" s), starts it again (no key: the console is open on loopback)\n")
            .Append("and requests each page 3 times to warm up, then `--requests` times one after another; time is request sent to\n")
            .Append("body read over loopback, so it bounds the server time from above. Target: 200 ms per page. A response counts as an error\n")
            .Append("unless it is 2xx and its body holds the page's marker (a sample link, the review card, the worst examples, a chart), so a\n")
            .Append("fast error or empty page cannot pass. The service's trend rollup of the filled hours took ").Append(Fmt.F(rollupSeconds, 1))
            .Append(" s before the pages were timed.\n\n");
        text.Append(table.ToString()).Append('\n');
        text.Append("Reproduce: `dotnet build -c Release bench/QualityWatch.Bench src/QualityWatch && dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll console`.\n");
        return text.ToString();
    }
}
