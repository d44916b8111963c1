namespace QualityWatch.Notifications;

/// <summary>One place notifications go. Channels never throw for a failed send: they return a typed result.</summary>
internal interface INotificationChannel
{
    /// <summary>Delivery channel name stored per delivery: <c>email</c>, <c>webhook:{Name}</c>, <c>alertmanager</c>.</summary>
    string Name { get; }

    bool Accepts(string kind);

    Task<DeliveryResult> SendAsync(StoredNotification notification, CancellationToken cancellationToken);

    /// <summary>
    /// Upkeep on the channel's own lane after each delivery pass (Alertmanager re-sends firing
    /// alerts here), so it never interleaves with a delivery of the same channel.
    /// </summary>
    Task MaintainAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
