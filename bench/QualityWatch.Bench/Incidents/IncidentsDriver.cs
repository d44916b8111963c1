using System.Globalization;
using QualityWatch.Bench.Detection;

namespace QualityWatch.Bench.Incidents;

/// <summary>
/// Seeded runs of the shipped alerting resumed from a <see cref="DetectionDriver"/> warm-up snapshot. A deploy run
/// ships v1 at <see cref="RateAfter"/> 10 min after the snapshot, rolls back to v0 after <c>rollback</c> and watches
/// until <c>horizon</c> after the change; a stable run ships a harmless version every day. Every notification the
/// outbox recorded is counted afterwards from the database.
/// </summary>
internal sealed class IncidentsDriver(string workDirectory, LatencyProfile latency, bool keep)
{
    public const double RateBefore = 0.02;
    public const double RateAfter = 0.08;
    private static readonly TimeSpan ChangeAfter = TimeSpan.FromMinutes(10);

    /// <summary>A flap is a firing again within the shipped rules' FlapWindow (6 h) of a resolve; later ones are counted apart.</summary>
    private static readonly TimeSpan FlapWindow = new QualityWatch.Alerting.AlertRuleOptions().FlapWindow;

    public async Task<IncidentsRun> DeployAsync(DetectionPolicy policy, BudgetCalibration budget, Snapshot snapshot, int seed, TimeSpan rollback, TimeSpan horizon)
    {
        var start = snapshot.At;
        var change = start + ChangeAfter;
        var back = change + rollback;
        var traffic = new BenchTraffic($"d{seed}", start, DetectionDriver.PerHour, seed, at =>
            at < change || at >= back ? (RateBefore, "v0") : (RateAfter, "v1"));
        return await RunAsync(policy, budget, snapshot, seed, traffic, change, change + horizon, fineFrom: change);
    }

    public async Task<IncidentsRun> StableAsync(DetectionPolicy policy, BudgetCalibration budget, Snapshot snapshot, int seed, TimeSpan span)
    {
        var start = snapshot.At;
        var traffic = new BenchTraffic($"s{seed}", start, DetectionDriver.PerHour, seed, at =>
        {
            // A harmless release every day, the first one 10 min after the snapshot (as the detection bench's stable runs).
            var releases = (long)Math.Floor((at - start - ChangeAfter) / DetectionScenario.DeployEvery) + 1;
            return (RateBefore, releases <= 0 ? "v0" : string.Create(CultureInfo.InvariantCulture, $"v{releases}"));
        });
        return await RunAsync(policy, budget, snapshot, seed, traffic, start, start + span, fineFrom: DateTimeOffset.MaxValue);
    }

    private async Task<IncidentsRun> RunAsync(DetectionPolicy policy, BudgetCalibration budget, Snapshot snapshot, int seed, BenchTraffic traffic, DateTimeOffset watchFrom, DateTimeOffset end, DateTimeOffset fineFrom)
    {
        var path = Path.Combine(workDirectory, string.Create(CultureInfo.InvariantCulture, $"incidents-{seed}-{Guid.NewGuid():N}.db"));
        File.Copy(snapshot.Path, path, overwrite: true);
        if (File.Exists(snapshot.Path + "-wal"))
        {
            File.Copy(snapshot.Path + "-wal", path + "-wal", overwrite: true);
        }

        try
        {
            var service = await VirtualService.StartAsync(path, snapshot.At, policy.Settings(budget), seed, latency);
            await using (service)
            {
                await DetectionDriver.PlayAsync(service, traffic, end, fineFrom, DetectionDriver.CoarseStep, stop: null);
                return await CountAsync(service, snapshot.At, watchFrom, deploy: fineFrom != DateTimeOffset.MaxValue);
            }
        }
        finally
        {
            if (keep)
            {
                File.Copy(path, path + ".kept", overwrite: true);
            }

            File.Delete(path);
            File.Delete(path + "-wal");
            File.Delete(path + "-shm");
        }
    }

    private static async Task<IncidentsRun> CountAsync(VirtualService service, DateTimeOffset start, DateTimeOffset watchFrom, bool deploy)
    {
        var startMs = start.ToUnixTimeMilliseconds();
        var fromMs = watchFrom.ToUnixTimeMilliseconds();
        var threads = await service.QueryAsync<ThreadRow>(
            """
            SELECT i.id AS IncidentId, i.kind AS IncidentKind, n.kind AS Kind, n.created_at AS CreatedAt
            FROM notifications n JOIN incidents i ON n.key = 'incident/' || i.id
            WHERE n.created_at >= @startMs ORDER BY n.created_at;
            """,
            new { startMs });
        var incidents = await service.QueryAsync<IncidentOpened>(
            """
            SELECT id AS Id, kind AS Kind, stream AS Stream, dimension AS Dimension, value AS Value, opened_at AS OpenedAt, resolved_at AS ResolvedAt
            FROM incidents WHERE opened_at >= @startMs OR resolved_at IS NULL OR resolved_at >= @startMs ORDER BY opened_at;
            """,
            new { startMs });
        var history = await service.QueryAsync<HistoryRow>(
            "SELECT rule AS Rule, stream AS Stream, prompt_version AS PromptVersion, to_state AS ToState, at AS At FROM alert_history WHERE at >= @startMs ORDER BY id;",
            new { startMs });

        var watched = threads.Where(t => t.CreatedAt >= fromMs).ToList();
        var quality = watched.Where(t => t.IncidentKind == "quality").ToList();
        var firstPage = quality.FirstOrDefault(t => t.Kind == "firing");
        return new IncidentsRun(
            service.Clock.GetUtcNow() - watchFrom,
            !deploy || firstPage is null ? null : DateTimeOffset.FromUnixTimeMilliseconds(firstPage.CreatedAt) - watchFrom,
            incidents.Count(i => i.Kind == "quality" && i.OpenedAt >= fromMs),
            quality.Count(t => t.Kind == "firing"),
            quality.Count(t => t.Kind == "update"),
            quality.Count(t => t.Kind == "repeat"),
            quality.Count(t => t.Kind == "resolved"),
            incidents.Count(i => i.Kind == "operational" && i.OpenedAt >= fromMs),
            watched.Count(t => t.IncidentKind == "operational"),
            InstanceFlaps(history, FlapWindow),
            IncidentFlaps(incidents, startMs),
            InstanceFlaps(history, TimeSpan.MaxValue),
            FiredRules(history, fromMs),
            threads.Count(t => t.CreatedAt < fromMs));
    }

    /// <summary>How often each rule's instances went to firing in the watched span.</summary>
    private static Dictionary<string, int> FiredRules(IReadOnlyList<HistoryRow> history, long fromMs) =>
        history.Where(h => h.ToState == "firing" && h.At >= fromMs).GroupBy(h => h.Rule).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>
    /// Firings of an instance within <paramref name="within"/> of its resolve in the same run: fire, resolve, fire again
    /// (with <see cref="TimeSpan.MaxValue"/>: every firing after a resolve, however much later).
    /// </summary>
    private static int InstanceFlaps(IReadOnlyList<HistoryRow> history, TimeSpan within)
    {
        var resolvedAt = new Dictionary<(string, string, string), long>();
        var flaps = 0;
        foreach (var row in history)
        {
            var key = (row.Rule, row.Stream, row.PromptVersion);
            if (row.ToState == "resolved")
            {
                resolvedAt[key] = row.At;
            }
            else if (row.ToState == "firing" && resolvedAt.TryGetValue(key, out var at) && (within == TimeSpan.MaxValue || row.At - at <= (long)within.TotalMilliseconds))
            {
                flaps++;
            }
        }

        return flaps;
    }

    /// <summary>Incidents opened within <see cref="FlapWindow"/> of the resolve of an earlier incident about the same subject in the run.</summary>
    private static int IncidentFlaps(IReadOnlyList<IncidentOpened> incidents, long startMs) =>
        incidents.Count(later => later.OpenedAt >= startMs && incidents.Any(earlier =>
            earlier.Id != later.Id && earlier.Kind == later.Kind && earlier.Stream == later.Stream
            && earlier.Dimension == later.Dimension && earlier.Value == later.Value
            && earlier.ResolvedAt is { } resolvedAt && resolvedAt >= startMs && resolvedAt <= later.OpenedAt
            && later.OpenedAt - resolvedAt <= (long)FlapWindow.TotalMilliseconds));
}
