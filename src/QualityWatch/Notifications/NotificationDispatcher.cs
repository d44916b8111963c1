using Microsoft.Extensions.Options;
using QualityWatch.Telemetry;

namespace QualityWatch.Notifications;

/// <summary>
/// One lane per channel, until the host stops: each lane sends its channel's due deliveries, then
/// lets the channel do its own upkeep (Alertmanager re-sends). Lanes never wait for each other.
/// </summary>
internal sealed class NotificationDispatcher(
    DeliveryRunner runner,
    NotificationStore store,
    NotificationChannels channels,
    NotificationSignal signal,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    LogThrottle throttle,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private readonly TimeSpan interval = options.Value.DispatchInterval;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite calls complete synchronously: yield first so host start-up is not held by the loop.
        await Task.Yield();
        var names = channels.All.Select(c => c.Name).ToList();
        Log.DispatcherStarted(logger, names.Count, string.Join(", ", names));
        await FailOrphansAsync(names, stoppingToken);
        await Task.WhenAll(channels.All.Select(c => RunLaneAsync(c, stoppingToken)));
    }

    private async Task RunLaneAsync(INotificationChannel channel, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var attempted = await runner.RunChannelAsync(channel, stoppingToken);
                await channel.MaintainAsync(stoppingToken);

                // A full batch means more is due now; otherwise wait for an enqueue, or the
                // interval, since retries and re-sends fall due by time.
                if (attempted < DeliveryRunner.BatchSize)
                {
                    await signal.WaitAsync(channel.Name, interval, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Never let a lane die (the database may be briefly locked): wait and go on.
                if (throttle.ShouldLog(LogThrottle.KeyOf($"notify-lane|{channel.Name}", ex), (n, period) => Log.LaneFailedRepeated(logger, channel.Name, n, period)))
                {
                    Log.LaneFailed(logger, channel.Name, interval, ex);
                }

                await Task.Delay(interval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task FailOrphansAsync(List<string> configured, CancellationToken stoppingToken)
    {
        try
        {
            // A channel taken out of the configuration will never send: say so instead of leaving them pending.
            foreach (var (channel, count) in await store.FailOrphansAsync(configured, time.GetUtcNow(), stoppingToken))
            {
                Log.OrphansFailed(logger, count, channel);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Log.LaneFailed(logger, "(start-up)", interval, ex);
        }
    }
}
