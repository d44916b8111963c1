using System.Globalization;
using System.Text.Json;

namespace QualityWatch.Demo;

/// <summary>What the demo shows, read the way a user would: from the service's own HTTP API.</summary>
internal sealed class DemoObserver(HttpClient client, DateTimeOffset start, DateTimeOffset end)
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(2);

    /// <summary>Totals over the demo's hours and the hallucination rate over the last 2 simulated hours.</summary>
    public async Task<DemoTotals> TotalsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var url = $"v1/trends?granularity=hour&from={Iso(start)}&to={Iso(end.AddHours(1))}";
        using var document = JsonDocument.Parse(await client.GetStringAsync(url, cancellationToken));
        long interactions = 0, sampled = 0, judged = 0, failed = 0, recentJudged = 0, recentHallucinations = 0;
        foreach (var bucket in document.RootElement.GetProperty("buckets").EnumerateArray())
        {
            interactions += bucket.GetProperty("interactions").GetInt64();
            sampled += bucket.GetProperty("sampled").GetInt64();
            failed += bucket.GetProperty("failed").GetInt64();
            var bucketJudged = bucket.GetProperty("judged").GetInt64();
            judged += bucketJudged;
            var bucketEnd = bucket.GetProperty("end").GetDateTimeOffset();
            if (bucketEnd > now - RateWindow)
            {
                recentJudged += bucketJudged;
                recentHallucinations += bucket.GetProperty("hallucinations").GetInt64();
            }
        }

        return new DemoTotals(interactions, sampled, judged, failed, recentJudged == 0 ? null : (double)recentHallucinations / recentJudged);
    }

    /// <summary>Transitions to firing, oldest first.</summary>
    public async Task<IReadOnlyList<DemoAlert>> FiredAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("v1/alerts/history?limit=1000", cancellationToken));
        var root = document.RootElement.ValueKind == JsonValueKind.Array ? document.RootElement : document.RootElement.GetProperty("transitions");
        return
        [
            .. root.EnumerateArray()
                .Where(t => t.GetProperty("to").GetString() == "firing")
                .Select(t => new DemoAlert(
                    t.GetProperty("rule").GetString() ?? "",
                    t.GetProperty("stream").GetString() ?? "",
                    t.GetProperty("prompt_version").GetString() ?? "",
                    t.GetProperty("at").GetDateTimeOffset(),
                    t.GetProperty("reason").GetString() ?? ""))
                .OrderBy(a => a.At),
        ];
    }

    /// <summary>Every incident, oldest first, with the notifications of its thread.</summary>
    public async Task<IReadOnlyList<DemoIncident>> IncidentsAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("v1/incidents?limit=1000", cancellationToken));
        return
        [
            .. document.RootElement.EnumerateArray()
                .Select(i => new DemoIncident(
                    i.GetProperty("id").GetString() ?? "",
                    i.GetProperty("kind").GetString() ?? "",
                    i.GetProperty("stream").GetString() ?? "",
                    i.GetProperty("subject").GetString() ?? "",
                    i.GetProperty("state").GetString() ?? "",
                    i.GetProperty("opened_at").GetDateTimeOffset(),
                    i.TryGetProperty("resolved_at", out var resolved) ? resolved.GetDateTimeOffset() : null,
                    [.. i.GetProperty("notifications").EnumerateArray().Select(n => new DemoNotification(
                        n.GetProperty("kind").GetString() ?? "",
                        n.TryGetProperty("channel", out var channel) && channel.ValueKind == JsonValueKind.String ? channel.GetString() : null,
                        n.GetProperty("at").GetDateTimeOffset()))]))
                .OrderBy(i => i.OpenedAt),
        ];
    }

    private static string Iso(DateTimeOffset at) => Uri.EscapeDataString(at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
}
