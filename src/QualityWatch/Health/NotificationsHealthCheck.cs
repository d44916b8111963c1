using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using QualityWatch.Notifications;
using QualityWatch.Storage;

namespace QualityWatch.Health;

/// <summary>
/// The notification channels, each by its latest delivery: sent (up), retrying (degraded) or failed
/// for good (down); the worst channel decides. No configured channel is <see cref="ComponentStates.Disabled"/>.
/// </summary>
internal sealed class NotificationsHealthCheck(NotificationChannels channels, SqliteConnectionFactory connections) : IHealthCheck
{
    // SQLite returns the other columns of the row holding MAX(updated_at).
    private const string LatestPerChannel =
        """
        SELECT channel AS Channel, status AS Status, attempts AS Attempts, last_error AS LastError, MAX(updated_at) AS latest
        FROM notification_deliveries
        WHERE status = 'sent' OR attempts > 0
        GROUP BY channel;
        """;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (channels.All.Count == 0)
        {
            return ComponentStates.DisabledResult("No notification channel is configured (Notifications:Email, Webhooks, Alertmanager).");
        }

        await using var connection = await connections.OpenAsync(cancellationToken);
        var latest = (await connection.QueryAsync<LatestDelivery>(LatestPerChannel)).ToDictionary(d => d.Channel, StringComparer.Ordinal);
        var failed = new List<string>();
        var retrying = new List<string>();
        foreach (var channel in channels.All)
        {
            switch (latest.GetValueOrDefault(channel.Name))
            {
                case { Status: "failed" } d:
                    failed.Add($"{channel.Name} failed for good: {d.LastError}");
                    break;
                case { Status: "pending" } d:
                    retrying.Add($"{channel.Name} is retrying after {d.Attempts} attempt(s): {d.LastError}");
                    break;
            }
        }

        var names = string.Join(", ", channels.All.Select(c => c.Name));
        return failed.Count > 0 ? HealthCheckResult.Unhealthy(string.Join("; ", failed.Concat(retrying)) + ".")
            : retrying.Count > 0 ? HealthCheckResult.Degraded(string.Join("; ", retrying) + ".")
            : HealthCheckResult.Healthy($"No delivery is retrying or failed ({names}).");
    }

    private sealed class LatestDelivery
    {
        public string Channel { get; init; } = "";

        public string Status { get; init; } = "";

        public long Attempts { get; init; }

        public string? LastError { get; init; }
    }
}
