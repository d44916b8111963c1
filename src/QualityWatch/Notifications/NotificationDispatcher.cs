using Microsoft.Extensions.Options;
using QualityWatch.Notifications.Alertmanager;

namespace QualityWatch.Notifications;

/// <summary>Delivers due deliveries and re-sends firing Alertmanager alerts, until the host stops.</summary>
internal sealed class NotificationDispatcher(
    DeliveryRunner runner,
    AlertmanagerResender resender,
    NotificationChannels channels,
    NotificationSignal signal,
    IOptions<NotificationsOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // SQLite calls complete synchronously: yield first so host start-up is not held by the loop.
        await Task.Yield();
        Log.DispatcherStarted(logger, channels.All.Count, string.Join(", ", channels.All.Select(c => c.Name)));
        var interval = options.Value.DispatchInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await runner.RunOnceAsync(stoppingToken);
                await resender.ResendDueAsync(stoppingToken);

                // Wait for an enqueue, or the interval: retries and re-sends fall due by time.
                await signal.WaitAsync(interval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // Never let the loop die (the database may be briefly locked): wait and go on.
                Log.DispatcherFailed(logger, interval, ex);
                await Task.Delay(interval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
