namespace QualityWatch.Notifications;

public static class NotificationsExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services;

    public static WebApplication MapNotifications(this WebApplication app) => app;
}
