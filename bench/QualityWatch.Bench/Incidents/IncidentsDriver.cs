using System.Globalization;
using QualityWatch.Bench.Detection;

namespace QualityWatch.Bench.Incidents;

/// <summary>
/// Seeded runs of the shipped alerting resumed from a <see cref="DetectionDriver"/> warm-up snapshot. A deploy run
/// ships v1 at <see cref="RateAfter"/> 10 min after the snapshot, rolls back to v0 after <c>rollback</c> and watches
/// until <c>horizon</c> after the change; a stable run ships a harmless version every day. Every notification the
/// outbox recorded is counted afterwards from the database.
/// </summary>
internal sealed class IncidentsDriver(string workDirectory, LatencyProfile latency)
{
    public const double RateBefore = 0.02;
    public const double RateAfter = 0.08;
    private static readonly TimeSpan ChangeAfter = TimeSpan.FromMinutes(10);

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
            InstanceFlaps(history),
            IncidentFlaps(incidents, startMs),
            threads.Count(t => t.CreatedAt < fromMs));
    }

    /// <summary>Firings of an instance that had already resolved within the run: fire, resolve, fire again.</summary>
    private static int InstanceFlaps(IReadOnlyList<HistoryRow> history)
    {
        var resolved = new HashSet<(string, string, string)>();
        var flaps = 0;
        foreach (var row in history)
        {
            var key = (row.Rule, row.Stream, row.PromptVersion);
            if (row.ToState == "resolved")
            {
                resolved.Add(key);
            }
            else if (row.ToState == "firing" && resolved.Contains(key))
            {
                flaps++;
            }
        }

        return flaps;
    }

    /// <summary>Incidents opened about a subject whose earlier incident had resolved within the run.</summary>
    private static int IncidentFlaps(IReadOnlyList<IncidentOpened> incidents, long startMs) =>
        incidents.Count(later => later.OpenedAt >= startMs && incidents.Any(earlier =>
            earlier.Id != later.Id && earlier.Kind == later.Kind && earlier.Stream == later.Stream
            && earlier.Dimension == later.Dimension && earlier.Value == later.Value
            && earlier.ResolvedAt is { } resolvedAt && resolvedAt >= startMs && resolvedAt <= later.OpenedAt));
}
