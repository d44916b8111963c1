using System.Globalization;
using System.Net;
using System.Text;
using QualityWatch.Notifications;

namespace QualityWatch.Incidents;

/// <summary>
/// A signal's notification re-addressed to its incident's thread: the incident's key and labels (so every message of the
/// incident is one email thread, one webhook incident id and one Alertmanager alert), its kind in the thread, and why.
/// </summary>
internal static class IncidentNotification
{
    public static Notification Build(Incident incident, Notification signal, string kind, string reason, DateTimeOffset now)
    {
        var annotations = new Dictionary<string, string>(signal.Annotations, StringComparer.Ordinal)
        {
            ["incident_id"] = incident.Id,
            ["reason"] = reason,
        };
        var summary = signal.Annotations.TryGetValue("summary", out var s) ? s : signal.Subject;
        var rule = signal.Labels.TryGetValue("alertname", out var name) ? name : "";
        var header = Header(incident, now);
        return signal with
        {
            Kind = kind,
            Key = incident.Key,
            Reason = reason,
            Subject = $"[{kind.ToUpperInvariant()}] {incident.Stream} {incident.Subject.Text} ({incident.Subject.Kind}): {rule} {summary}",
            TextBody = header + "\n\n" + signal.TextBody,
            HtmlBody = signal.HtmlBody is null ? null : $"<p>{WebUtility.HtmlEncode(header)}</p>{signal.HtmlBody}",
            Labels = incident.Labels,
            Annotations = annotations,
            StartsAt = incident.OpenedAt,
            EndsAt = kind == NotificationKinds.Resolved ? now : null,
        };
    }

    /// <summary>The "signal" of a notification from the incident alone (a page a silence held, sent when the silence ends).</summary>
    public static Notification FromIncident(Incident incident, IReadOnlyList<IncidentSignalView> signals, string kind, string reason)
    {
        var text = new StringBuilder("Signals:\n");
        foreach (var signal in signals)
        {
            text.Append(CultureInfo.InvariantCulture, $"  {signal.Rule}{(signal.PromptVersion.Length > 0 ? " " + signal.PromptVersion : "")} ({signal.State}): {signal.Summary}\n");
        }

        var firing = signals.FirstOrDefault(x => x.State == "firing") ?? (signals.Count > 0 ? signals[0] : null);
        var summary = firing is null ? incident.Subject.Text : firing.Summary ?? "";
        var labels = new Dictionary<string, string>(incident.Labels, StringComparer.Ordinal);
        if (firing is not null)
        {
            labels["alertname"] = firing.Rule;
        }

        return new Notification(
            kind, incident.Key, reason, "", text.ToString(), $"<pre>{WebUtility.HtmlEncode(text.ToString())}</pre>",
            labels, new Dictionary<string, string>(StringComparer.Ordinal) { ["summary"] = summary }, incident.OpenedAt, null, null, []);
    }

    private static string Header(Incident incident, DateTimeOffset now) =>
        string.Create(CultureInfo.InvariantCulture, $"Incident {incident.Id}: {incident.Subject.Kind}, stream {incident.Stream}, {incident.Subject.Text}, opened {incident.OpenedAt:u} ({Ago(now - incident.OpenedAt)} ago)");

    private static string Ago(TimeSpan span) => span.TotalHours >= 1 ? $"{(int)span.TotalHours}h {span.Minutes:00}m" : $"{(int)span.TotalMinutes}m";
}
