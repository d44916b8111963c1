using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using QualityWatch.Notifications;
using QualityWatch.Redaction;

namespace QualityWatch.Tests.Support;

/// <summary>
/// The notification services over a temp-file SQLite database migrated by the real migrator, on
/// the clock the test gives, with every log line captured. The dispatcher is not started: the
/// test runs each channel's lane by hand with <see cref="RunAsync"/>. A second harness over the
/// same file is a restart.
/// </summary>
internal sealed class NotificationHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private NotificationHarness(ServiceProvider provider, FakeLogCollector logs)
    {
        this.provider = provider;
        Logs = logs;
    }

    public FakeLogCollector Logs { get; }

    public INotificationOutbox Outbox => provider.GetRequiredService<INotificationOutbox>();

    public DeliveryRunner Runner => provider.GetRequiredService<DeliveryRunner>();

    public NotificationChannels Channels => provider.GetRequiredService<NotificationChannels>();

    /// <summary>Migrates the database and builds the services; <paramref name="channels"/>, if given, replace the configured ones.</summary>
    public static async Task<NotificationHarness> StartAsync(
        string databasePath, TimeProvider time, IDictionary<string, string?>? settings = null, params INotificationChannel[] channels)
    {
        var logs = new FakeLogCollector();
        var provider = await TestHost.ServicesAsync(databasePath, time, settings, services =>
        {
            services.AddLogging(b => b.AddProvider(new FakeLoggerProvider(logs)).SetMinimumLevel(LogLevel.Trace));
            if (channels.Length > 0)
            {
                services.AddSingleton(new NotificationChannels(channels));
            }

            services.AddRedaction();
            services.AddNotifications();
        });
        return new NotificationHarness(provider, logs);
    }

    public Task EnqueueAsync(Notification notification) => Outbox.EnqueueAsync(notification, CancellationToken.None);

    /// <summary>One pass of every lane, as the dispatcher runs it: due deliveries, then the channel's upkeep.</summary>
    public async Task<int> RunAsync()
    {
        var attempted = 0;
        foreach (var channel in Channels.All)
        {
            attempted += await Runner.RunChannelAsync(channel, CancellationToken.None);
            await channel.MaintainAsync(CancellationToken.None);
        }

        return attempted;
    }

    public async ValueTask DisposeAsync()
    {
        await provider.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
