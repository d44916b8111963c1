using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QualityWatch.Notifications;
using QualityWatch.Storage;

namespace QualityWatch.Bench.NotifyOutages;

/// <summary>
/// Enqueues notifications through the service's own outbox (its storage and notifications registrations,
/// bound to the settings the service runs with), into the database file the running service uses: the same
/// rows an alert would commit, one pending delivery per configured channel.
/// </summary>
internal static class OutboxFeeder
{
    public static async Task EnqueueAsync(IReadOnlyDictionary<string, string> environment, int count)
    {
        // The service's environment names keys with "__"; configuration wants ":".
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment.ToDictionary(e => e.Key.Replace("__", ":", StringComparison.Ordinal), e => (string?)e.Value))
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TimeProvider.System)
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddStorage()
            .AddNotifications();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = false });
        var outbox = provider.GetRequiredService<INotificationOutbox>();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 1; i <= count; i++)
        {
            var key = $"bench:notify-outages:{i}";
            await outbox.EnqueueAsync(new Notification(
                NotificationKinds.Firing,
                key,
                "bench: notification outages",
                $"[QualityWatch] bench alert {i} of {count}",
                $"Bench notification {i} of {count}, sent through SMTP and webhook outages and two kills.",
                null,
                new Dictionary<string, string> { ["alertname"] = "BenchNotifyOutages", ["n"] = i.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                new Dictionary<string, string>(),
                now,
                null,
                null,
                []), CancellationToken.None);
        }
    }
}
