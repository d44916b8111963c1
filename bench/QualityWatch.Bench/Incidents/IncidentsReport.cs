using System.Globalization;
using System.Text;

namespace QualityWatch.Bench.Incidents;

/// <summary>Renders the incidents bench as console text and its RESULTS.md section.</summary>
internal static class IncidentsReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Markdown(IncidentsSummary s, string arguments, int warmups, TimeSpan rollback, TimeSpan horizon, int stableDays, TimeSpan took)
    {
        var md = new StringBuilder();
        md.AppendLine("## Incidents: notifications per regression (issue 17)");
        md.AppendLine();
        md.AppendLine(C, $"Measured {TimeProvider.System.GetUtcNow():yyyy-MM-dd} on the 2-core VM (Release), {took:h\\:mm\\:ss}:");
        md.AppendLine();
        md.AppendLine("```sh");
        md.AppendLine("dotnet build -c Release bench/QualityWatch.Bench");
        md.AppendLine(C, $"dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll incidents {arguments}");
        md.AppendLine("```");
        md.AppendLine();
        md.AppendLine("The detection bench's virtual service (the whole service and the judge simulator on one virtual clock, see \"Detection\") with the shipped alert rules all watching the stream (`hallucination-rate-high`, `hallucination-rate-shift` with its deploy test, `judge-failing`, `judge-backlog`), policy (d)'s sampling, the shipped one (change-aware boost judged in `standard`, drawn 1 in 3 up to 500 boost samples, the daily budget) and one webhook channel (a receiver on 127.0.0.1 answering 204), so a page is taken and later signals thread as updates. 10,000 responses/h, 1 in 100 judged in Flex (virtual latency lognormal median 30 s, p90 3 min). " +
            string.Create(C, $"Each run resumes from one of {warmups} one-day warm-ups of v0 at 2 %. ") +
            string.Create(C, $"Deploy runs: v1 ships 10 min after the snapshot at 8 % and is rolled back to v0 {rollback.TotalHours:0.#} h later; watched until {horizon.TotalHours:0.#} h after the deploy. ") +
            string.Create(C, $"Stable runs: 2 % throughout, a harmless version every day, {stableDays} days each. ") +
            "Counted from the outbox's rows of each incident thread (`notifications`, what the channels are sent): a page is a `firing`, then `update`, `repeat`, `resolved`. A flap: an alert instance firing again within 6 h (the rules' `FlapWindow`) of resolving, or an incident opened within 6 h of the resolve of an earlier one about the same subject; firing again later is counted apart.");
        md.AppendLine();
        md.AppendLine(Table(s));
        md.AppendLine();
        md.AppendLine(Targets(s));
        return md.ToString();
    }

    public static string Table(IncidentsSummary s)
    {
        var d = s.Deploys;
        var text = new StringBuilder();
        text.AppendLine("| deploy 2% -> 8% | |");
        text.AppendLine("|---|---:|");
        text.AppendLine(C, $"| runs | {d.Count} |");
        text.AppendLine(C, $"| exactly one page and at most one resolve | {s.OnePage} ({s.OnePageShare:P1}) |");
        text.AppendLine(C, $"| pages per run (runs) | {IncidentsSummary.Histogram(d.Select(r => r.Pages), 3)} |");
        text.AppendLine(C, $"| resolves per run (runs) | {IncidentsSummary.Histogram(d.Select(r => r.Resolves), 2)} |");
        text.AppendLine(C, $"| quality incidents per run (runs) | {IncidentsSummary.Histogram(d.Select(r => r.QualityIncidents), 2)} |");
        text.AppendLine(C, $"| updates / repeats, mean per run | {Mean(d.Select(r => r.Updates)):0.00} / {Mean(d.Select(r => r.Repeats)):0.00} |");
        text.AppendLine(C, $"| operational incidents (notifications) | {d.Sum(r => r.OperationalIncidents)} ({d.Sum(r => r.OperationalNotifications)}) |");
        text.AppendLine(C, $"| flaps within 6 h (instance / incident); instances firing again later | {d.Sum(r => r.InstanceFlaps)} / {d.Sum(r => r.IncidentFlaps)}; {d.Sum(r => r.Refires - r.InstanceFlaps)} |");
        text.AppendLine(C, $"| transitions to firing | {IncidentsSummary.Fired(d)} |");
        text.AppendLine(C, $"| notifications before the deploy | {d.Sum(r => r.BeforeChange)} |");
        text.AppendLine(C, $"| paged | {s.Detected}/{d.Count} |");
        text.AppendLine(C, $"| deploy -> page, median / p90 | {Format(s.DelayQuantile(0.5))} / {Format(s.DelayQuantile(0.9))} |");
        text.AppendLine();
        var t = s.Stables;
        text.AppendLine("| stable 2%, a harmless release a day | |");
        text.AppendLine("|---|---:|");
        text.AppendLine(C, $"| runs × days | {t.Count} × {(t.Count == 0 ? 0 : s.StableDays / t.Count):0.#} = {s.StableDays:0.#} days |");
        text.AppendLine(C, $"| flaps within 6 h (instance / incident) | {t.Sum(r => r.InstanceFlaps)} / {t.Sum(r => r.IncidentFlaps)} = {s.Per30Days(s.StableFlaps):0.00} per 30 days |");
        text.AppendLine(C, $"| instances firing again more than 6 h after resolving | {t.Sum(r => r.Refires - r.InstanceFlaps)} |");
        text.AppendLine(C, $"| transitions to firing | {IncidentsSummary.Fired(t)} |");
        text.AppendLine(C, $"| pages (false alarms) | {s.StablePages} = {s.Per30Days(s.StablePages):0.00} per 30 days |");
        text.AppendLine(C, $"| updates / repeats / resolves | {t.Sum(r => r.Updates)} / {t.Sum(r => r.Repeats)} / {t.Sum(r => r.Resolves)} |");
        text.AppendLine(C, $"| operational incidents (notifications) | {t.Sum(r => r.OperationalIncidents)} ({t.Sum(r => r.OperationalNotifications)}) |");
        return text.ToString().TrimEnd();
    }

    public static string Targets(IncidentsSummary s)
    {
        var median = s.DelayQuantile(0.5);
        var ratio = median is { } m ? m / IncidentsSummary.BaselineMedian : double.NaN;
        var text = new StringBuilder();
        text.AppendLine("| target | measured | ratio to target | |");
        text.AppendLine("|---|---|---:|---|");
        text.AppendLine(C, $"| exactly one page and at most one resolve in ≥ 95 % of deploy runs | {s.OnePage}/{s.Deploys.Count} = {s.OnePageShare:P1} | {s.OnePageShare / 0.95:0.00} | {Met(s.OnePageShare >= 0.95)} |");
        text.AppendLine(C, $"| 0 flaps per 30 stable days | {s.Per30Days(s.StableFlaps):0.00} ({s.StableFlaps} in {s.StableDays:0.#} days) | - | {Met(s.StableFlaps == 0)} |");
        text.AppendLine(C, $"| detection delay median within 10 % of 7.0 min | {Format(median)} (p90 {Format(s.DelayQuantile(0.9))}) | {ratio:0.00} of 7.0 min (≤ 1.10) | {Met(ratio <= 1.10)} |");
        return text.ToString().TrimEnd();
    }

    private static double Mean(IEnumerable<int> values) => values.DefaultIfEmpty().Average();

    private static string Met(bool met) => met ? "met" : "**not met**";

    private static string Format(TimeSpan? delay) => delay switch
    {
        null => "none",
        { TotalHours: >= 1 } d => string.Create(C, $"{(int)d.TotalHours} h {d.Minutes:00} min"),
        { } d => string.Create(C, $"{d.TotalMinutes:0.0} min"),
    };
}
