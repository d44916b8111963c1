using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly;
using QualityWatch.Notifications.Alertmanager;
using QualityWatch.Notifications.Email;
using QualityWatch.Notifications.Webhook;
using QualityWatch.Telemetry;

namespace QualityWatch.Notifications;

internal static class NotificationsExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddQualityWatchMetrics();
        services.AddOptionsWithValidateOnStart<NotificationsOptions, NotificationsOptionsValidator>().BindConfiguration(NotificationsOptions.SectionName);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IPostConfigureOptions<NotificationsOptions>, NotificationsOptionsNormalizer>());

        services.TryAddSingleton<NotificationStore>();
        services.TryAddSingleton<NotificationQueries>();
        services.TryAddSingleton<NotificationSignal>();
        services.TryAddSingleton<INotificationOutbox, NotificationOutbox>();
        services.TryAddSingleton<DeliveryRunner>();
        services.TryAddSingleton<LogThrottle>();
        services.TryAddSingleton<IMailGateway, MailKitGateway>();
        services.TryAddSingleton<ActiveAlerts>();
        services.TryAddSingleton<AlertmanagerClient>();
        services.TryAddSingleton<AlertmanagerResender>();
        services.TryAddSingleton(sp => new NotificationChannels(CreateChannels(sp)));

        // Durable retries live in the outbox; each channel bounds its own attempt by its Timeout,
        // and the pipeline's timeout is only a backstop.
        services.AddHttpClient(WebhookChannel.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("notifications-webhook", b => b.AddTimeout(TimeSpan.FromMinutes(2)));
        services.AddHttpClient(AlertmanagerClient.HttpClientName, c => c.Timeout = Timeout.InfiniteTimeSpan)
            .AddResilienceHandler("notifications-alertmanager", b => b.AddTimeout(TimeSpan.FromMinutes(2)));

        services.AddHostedService<NotificationDispatcher>();
        return services;
    }

    public static WebApplication MapNotifications(this WebApplication app) => app.MapNotificationEndpoints();

    private static List<INotificationChannel> CreateChannels(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<NotificationsOptions>>().Value;
        var channels = new List<INotificationChannel>();
        if (options.Email.Enabled)
        {
            channels.Add(ActivatorUtilities.CreateInstance<EmailChannel>(services));
        }

        foreach (var endpoint in options.Webhooks)
        {
            channels.Add(ActivatorUtilities.CreateInstance<WebhookChannel>(services, endpoint));
        }

        if (options.Alertmanager.Enabled)
        {
            channels.Add(ActivatorUtilities.CreateInstance<AlertmanagerChannel>(services));
        }

        return channels;
    }
}
