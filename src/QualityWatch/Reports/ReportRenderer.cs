using System.Globalization;
using System.Net;
using System.Text;
using QualityWatch.Trends;

namespace QualityWatch.Reports;

/// <summary>Renders a daily report as plain text and as HTML (charts as <c>cid:</c> images). All stored text is HTML-encoded.</summary>
internal static class ReportRenderer
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Subject(DateOnly day, IReadOnlyList<StreamDay> streams)
    {
        var judged = streams.Sum(s => s.Day.Judged);
        var hallucinations = streams.Sum(s => s.Day.Hallucinations);
        var rate = judged == 0 ? "no verdicts" : $"hallucination rate {Percent((double)hallucinations / judged)}";
        return $"QualityWatch daily report {Date(day)}: {rate}, {judged} judged";
    }

    public static string Text(DateOnly day, TrendCalendar calendar, IReadOnlyList<StreamDay> streams, IReadOnlyList<AlertFired> alerts, double threshold)
    {
        var zone = calendar.Zone.Id;
        var text = new StringBuilder();
        text.Append(Invariant, $"QualityWatch daily report for {Date(day)} ({zone})\n\n");
        if (streams.Count == 0)
        {
            text.Append("No interactions, samples or verdicts that day.\n");
        }

        foreach (var s in streams)
        {
            var d = s.Day;
            text.Append(Invariant, $"== {s.Stream} ==\n");
            text.Append(Invariant, $"Interactions: {d.Interactions}   Sampled: {d.Sampled}   Judged: {d.Judged}   Failed: {d.Failed}\n");
            text.Append(Invariant, $"Hallucination rate: {Rate(d)} (95% CI {Interval(d)}), {d.Hallucinations} of {d.Judged}; day over day: {Change(s.RateChangePoints)}; threshold {Percent(threshold)}\n");
            if (s.CorrectedText.Length > 0)
            {
                text.Append(Invariant, $"Corrected for judge error: {s.CorrectedText}\n");
            }

            text.Append(Invariant, $"Accuracy mean: {Mean(d.AccuracyMean)}   Tone mean: {Mean(d.ToneMean)}   Judge cost: {Cost(d.CostUsd)}\n");
            foreach (var v in s.Versions)
            {
                text.Append(Invariant, $"  prompt_version {Label(v.PromptVersion)} / model {Label(v.Model)}: {v.Judged} judged, rate {Rate(v)} ({Interval(v)})\n");
            }

            foreach (var change in s.Changes)
            {
                text.Append(Invariant, $"  Deploy: {change.Label} at {Local(calendar, change.FirstSeen)}\n");
            }

            foreach (var window in s.AroundChanges)
            {
                text.Append(Invariant, $"  Hour by hour around {window.Change.Label} ({window.Change.Value} alone in the last columns):\n");
                foreach (var h in window.Hours)
                {
                    text.Append(Invariant, $"    {Local(calendar, h.Start)}  judged {h.All.Judged,5}  rate {Rate(h.All),6}  | {window.Change.Value}: judged {h.Changed.Judged,5}  rate {Rate(h.Changed),6}\n");
                }
            }

            foreach (var w in s.Worst)
            {
                text.Append(Invariant, $"  Example {w.InteractionId} (prompt_version {Label(w.PromptVersion)}, accuracy {w.Accuracy}): {w.Reason}\n");
                text.Append(Invariant, $"    prompt:   {w.Prompt}\n");
                text.Append(Invariant, $"    context:  {w.Context ?? "(none)"}\n");
                text.Append(Invariant, $"    response: {w.Response}\n");
                foreach (var claim in w.UnsupportedClaims)
                {
                    text.Append(Invariant, $"    unsupported: {claim}\n");
                }
            }

            text.Append('\n');
        }

        text.Append(AlertsText(calendar, alerts));
        return text.ToString();
    }

    public static string Html(DateOnly day, TrendCalendar calendar, IReadOnlyList<StreamDay> streams, IReadOnlyList<AlertFired> alerts, double threshold)
    {
        var html = new StringBuilder();
        html.Append(Invariant, $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{E(Subject(day, streams))}</title></head>");
        html.Append("<body style=\"font-family:sans-serif;max-width:860px\">");
        html.Append(Invariant, $"<h1>QualityWatch daily report {Date(day)}</h1>");
        html.Append(Fragment(calendar, streams, alerts, threshold));
        return html.Append("</body></html>").ToString();
    }

    /// <summary>
    /// Everything under the report's title, as HTML: what the email's body shows and the console's
    /// <c>/reports/daily</c> page embeds, so both show the same content.
    /// </summary>
    public static string Fragment(TrendCalendar calendar, IReadOnlyList<StreamDay> streams, IReadOnlyList<AlertFired> alerts, double threshold)
    {
        var zone = calendar.Zone.Id;
        var html = new StringBuilder();
        html.Append(Invariant, $"<p>Days in {E(zone)}. Threshold {Percent(threshold)}.</p>");
        if (streams.Count == 0)
        {
            html.Append("<p>No interactions, samples or verdicts that day.</p>");
        }

        foreach (var s in streams)
        {
            var d = s.Day;
            html.Append(Invariant, $"<h2>{E(s.Stream)}</h2><table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\">");
            Row(html, "Interactions", d.Interactions.ToString(Invariant));
            Row(html, "Sampled / judged / failed", $"{d.Sampled} / {d.Judged} / {d.Failed}");
            Row(html, "Hallucination rate", $"{Rate(d)} (95% CI {Interval(d)}), {d.Hallucinations} of {d.Judged}");
            if (s.CorrectedText.Length > 0)
            {
                Row(html, "Corrected for judge error", s.CorrectedText);
            }

            Row(html, "Day over day", Change(s.RateChangePoints));
            Row(html, "Accuracy / tone mean", $"{Mean(d.AccuracyMean)} / {Mean(d.ToneMean)}");
            Row(html, "Judge cost", Cost(d.CostUsd));
            html.Append("</table>");
            if (s.Versions.Count > 0)
            {
                html.Append("<h3>By prompt version and model</h3><ul>");
                foreach (var v in s.Versions)
                {
                    html.Append(Invariant, $"<li>{E(Label(v.PromptVersion))} / {E(Label(v.Model))}: {v.Judged} judged, rate {Rate(v)} ({Interval(v)})</li>");
                }

                html.Append("</ul>");
            }

            html.Append(Invariant, $"<p><img src=\"cid:{E(s.ChartContentId)}\" alt=\"{E(s.Stream)} hallucination rate per day, with deploy markers\" width=\"{TrendChart.Width}\" height=\"{TrendChart.Height}\"></p>");
            if (s.Changes.Count > 0)
            {
                html.Append("<h3>Deploys</h3><ul>");
                foreach (var change in s.Changes)
                {
                    html.Append(Invariant, $"<li>{E(change.Label)} at {E(Local(calendar, change.FirstSeen))}</li>");
                }

                html.Append("</ul>");
            }

            foreach (var window in s.AroundChanges)
            {
                html.Append(Invariant, $"<h3>Hour by hour around {E(window.Change.Label)}</h3>");
                html.Append(Invariant, $"<table border=\"1\" cellpadding=\"4\" style=\"border-collapse:collapse\"><tr><th>hour ({E(zone)})</th><th>judged</th><th>rate (95% CI)</th><th>{E(window.Change.Value)} judged</th><th>{E(window.Change.Value)} rate</th></tr>");
                foreach (var h in window.Hours)
                {
                    html.Append(Invariant, $"<tr><td>{E(Local(calendar, h.Start))}</td><td align=\"right\">{h.All.Judged}</td><td>{Rate(h.All)} ({Interval(h.All)})</td><td align=\"right\">{h.Changed.Judged}</td><td>{Rate(h.Changed)}</td></tr>");
                }

                html.Append("</table>");
            }

            if (s.Worst.Count > 0)
            {
                html.Append("<h3>Worst examples</h3>");
                foreach (var w in s.Worst)
                {
                    html.Append(Invariant, $"<div><p><b>{E(w.InteractionId)}</b> (prompt_version {E(Label(w.PromptVersion))}, accuracy {w.Accuracy}): {E(w.Reason)}</p>");
                    html.Append(Invariant, $"<p><b>Prompt</b></p><blockquote>{E(w.Prompt)}</blockquote><p><b>Context</b></p><blockquote>{E(w.Context ?? "(none)")}</blockquote>");
                    html.Append(Invariant, $"<p><b>Response</b></p><blockquote>{E(w.Response)}</blockquote><ul>");
                    foreach (var claim in w.UnsupportedClaims)
                    {
                        html.Append(Invariant, $"<li>unsupported: {E(claim)}</li>");
                    }

                    html.Append("</ul></div>");
                }
            }
        }

        html.Append("<h2>Alerts fired</h2><pre>").Append(E(AlertsText(calendar, alerts))).Append("</pre>");
        return html.ToString();
    }

    private static string AlertsText(TrendCalendar calendar, IReadOnlyList<AlertFired> alerts) => alerts switch
    {
        [] => "Alerts: none fired.\n",
        _ => "Alerts fired:\n" + string.Concat(alerts.Select(a =>
            $"  {Local(calendar, a.At)} {a.Rule} stream {a.Stream ?? "-"} prompt_version {a.PromptVersion ?? "-"}\n")),
    };

    /// <summary>An instant in the report's time zone, ISO 8601 to the minute with its offset: <c>2026-03-10 09:10+01:00</c>, or <c>…Z</c> in UTC.</summary>
    private static string Local(TrendCalendar calendar, DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, calendar.Zone);
        return local.ToString(local.Offset == TimeSpan.Zero ? "yyyy-MM-dd HH:mm'Z'" : "yyyy-MM-dd HH:mmzzz", Invariant);
    }

    private static void Row(StringBuilder html, string name, string value) => html.Append(Invariant, $"<tr><th align=\"left\">{E(name)}</th><td>{E(value)}</td></tr>");

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Date(DateOnly day) => day.ToString("yyyy-MM-dd", Invariant);

    private static string Label(string value) => value.Length == 0 ? "(none)" : value;

    private static string Percent(double fraction) => (fraction * 100).ToString("0.0", Invariant) + "%";

    private static string Rate(TrendBucket b) => b.HallucinationRate is { } rate ? Percent(rate) : "n/a";

    private static string Interval(TrendBucket b) => b.Judged == 0 ? "n/a" : $"{Percent(b.HallucinationInterval.Lower)}–{Percent(b.HallucinationInterval.Upper)}";

    private static string Change(double? points) => points is { } p ? p.ToString("+0.0;-0.0;0.0", Invariant) + " pp" : "n/a";

    private static string Mean(double? mean) => mean is { } m ? m.ToString("0.00", Invariant) : "n/a";

    private static string Cost(double usd) => "$" + usd.ToString("0.0000", Invariant);
}
