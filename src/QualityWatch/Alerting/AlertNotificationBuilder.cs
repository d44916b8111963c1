using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using QualityWatch.Notifications;
using QualityWatch.WebConsole;

namespace QualityWatch.Alerting;

/// <summary>Turns an instance, its observation and the reason into a <see cref="Notification"/> with evidence as JSON, text and HTML.</summary>
internal static class AlertNotificationBuilder
{
    public static Notification Build(AlertRuleOptions rule, AlertInstance instance, RuleObservation observation, string kind, string reason, ConsoleLinks? links = null)
    {
        // With Console:PublicUrl the alert's page is one click away, and each example's sample page too.
        var url = links?.Absolute(ConsoleLinks.Alert(AlertIds.Of(rule.Name, instance.Stream, instance.PromptVersion)));
        Func<string, string?> sampleUrl = id => links?.Absolute(ConsoleLinks.Sample(id));
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["alertname"] = rule.Name,
            ["severity"] = rule.Severity,
            ["rule_kind"] = rule.Kind,
            ["stream"] = instance.Stream,
        };
        if (instance.PromptVersion.Length > 0)
        {
            labels["prompt_version"] = instance.PromptVersion;
        }

        foreach (var (key, value) in rule.Labels)
        {
            labels.TryAdd(key, value);
        }

        var annotations = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["summary"] = observation.Summary,
            ["reason"] = reason,
        };
        var version = instance.PromptVersion.Length > 0 ? $" {instance.PromptVersion}" : "";
        var subject = $"[{kind.ToUpperInvariant()}] {rule.Name} {instance.Stream}{version}: {observation.Summary}";
        var evidence = JsonSerializer.Serialize(observation.Evidence, AlertingJsonContext.Default.AlertEvidence);
        return new Notification(
            kind,
            $"{rule.Name}/{instance.Stream}/{instance.PromptVersion}",
            reason,
            subject,
            Text(reason, observation.Evidence, url, sampleUrl),
            Html(reason, observation.Evidence, url, sampleUrl),
            labels,
            annotations,
            instance.FiredAt ?? instance.LastEvaluatedAt,
            kind == NotificationKinds.Resolved ? instance.ResolvedAt : null,
            evidence,
            [],
            url);
    }

    private static string Text(string reason, AlertEvidence e, string? url, Func<string, string?> sampleUrl)
    {
        var text = new StringBuilder();
        if (url is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $"Open in the console: {url}\n\n");
        }

        foreach (var (name, value) in Facts(reason, e))
        {
            text.Append(CultureInfo.InvariantCulture, $"{name}: {value}\n");
        }

        if (e.Split.Count > 0)
        {
            text.Append("\nBy prompt_version / model:\n");
            foreach (var s in e.Split)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {Or(s.PromptVersion)} / {Or(s.Model)}: {s.Hallucinations}/{s.Samples} hallucinated ({Durations.Percent(s.HallucinationRate)}), accuracy {Durations.Number(s.MeanAccuracy)}, tone {Durations.Number(s.MeanTone)}\n");
            }
        }

        foreach (var x in e.Examples)
        {
            text.Append(CultureInfo.InvariantCulture, $"\nExample {x.InteractionId} ({Or(x.PromptVersion)}, {Or(x.Model)}; accuracy {x.Accuracy}, tone {x.Tone}):\n  response: {x.Response}\n");
            if (sampleUrl(x.InteractionId) is { } link)
            {
                text.Append(CultureInfo.InvariantCulture, $"  {link}\n");
            }

            foreach (var claim in x.UnsupportedClaims)
            {
                text.Append(CultureInfo.InvariantCulture, $"  unsupported: {claim}\n");
            }
        }

        return text.ToString();
    }

    private static string Html(string reason, AlertEvidence e, string? url, Func<string, string?> sampleUrl)
    {
        var html = new StringBuilder();
        if (url is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{Enc(url)}\">Open this alert in the console</a></p>");
        }

        html.Append("<table>");
        foreach (var (name, value) in Facts(reason, e))
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th align=\"left\">{Enc(name)}</th><td>{Enc(value)}</td></tr>");
        }

        html.Append("</table>");
        if (e.Split.Count > 0)
        {
            html.Append("<h4>By prompt_version / model</h4><table><tr><th>prompt_version</th><th>model</th><th>hallucinated</th><th>rate</th><th>accuracy</th><th>tone</th></tr>");
            foreach (var s in e.Split)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td>{Enc(Or(s.PromptVersion))}</td><td>{Enc(Or(s.Model))}</td><td>{s.Hallucinations}/{s.Samples}</td><td>{Durations.Percent(s.HallucinationRate)}</td><td>{Durations.Number(s.MeanAccuracy)}</td><td>{Durations.Number(s.MeanTone)}</td></tr>");
            }

            html.Append("</table>");
        }

        foreach (var x in e.Examples)
        {
            var title = sampleUrl(x.InteractionId) is { } link ? $"<a href=\"{Enc(link)}\">{Enc(x.InteractionId)}</a>" : Enc(x.InteractionId);
            html.Append(CultureInfo.InvariantCulture, $"<h4>Example {title}</h4><blockquote>{Enc(x.Response)}</blockquote><ul>");
            foreach (var claim in x.UnsupportedClaims)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{Enc(claim)}</li>");
            }

            html.Append("</ul>");
        }

        return html.ToString();
    }

    private static List<(string Name, string Value)> Facts(string reason, AlertEvidence e)
    {
        var facts = new List<(string, string)> { ("Reason", reason), ("Rule", $"{e.Rule} ({e.Kind})"), ("Stream", e.Stream) };
        Add(facts, "Prompt version", e.PromptVersion);
        if (e.Samples is { } n && e.Rate is { } rate)
        {
            facts.Add(("Rate", $"{Durations.Percent(rate)} ({e.Hits}/{n}), Wilson 95% [{Durations.Percent(e.WilsonLower ?? 0)}, {Durations.Percent(e.WilsonUpper ?? 1)}]"));
        }

        if (e.CorrectedRate is { } corrected)
        {
            facts.Add(("Corrected rate", $"{Durations.Percent(corrected)}, 95% [{Durations.Percent(e.CorrectedLower ?? 0)}, {Durations.Percent(e.CorrectedUpper ?? 1)}]"));
        }

        Add(facts, "Rate compared", e.RateBasis);
        Add(facts, "Calibration", e.Calibration?.ToString());
        if (e.WindowStart is { } from && e.WindowEnd is { } to)
        {
            facts.Add(("Window", $"{from:u} to {to:u}"));
        }

        if (e.BaselineRate is { } baseline)
        {
            facts.Add(("Baseline", $"{Durations.Percent(baseline)} ({e.BaselineSource}); shift to detect {Durations.Percent(e.TargetRate ?? 0)}"));
        }

        if (e.Statistic is { } statistic)
        {
            facts.Add(("CUSUM", $"{Durations.Number(statistic)} (alarm level h = {Durations.Number(e.AlarmLevel ?? 0)})"));
        }

        Add(facts, "Detail", e.Detail);
        return facts;
    }

    private static void Add(List<(string, string)> facts, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            facts.Add((name, value));
        }
    }

    private static string Or(string value) => value.Length == 0 ? "(none)" : value;

    private static string Enc(string value) => WebUtility.HtmlEncode(value);
}
