using QualityWatch.Notifications;

namespace QualityWatch.Tests.Reports;

/// <summary>Records every notification handed over.</summary>
public sealed class CapturingOutbox : INotificationOutbox
{
    private readonly List<Notification> sent = [];

    public IReadOnlyList<Notification> Sent
    {
        get
        {
            lock (sent)
            {
                return [.. sent];
            }
        }
    }

    public Task<int> EnqueueAsync(Notification notification, CancellationToken cancellationToken)
    {
        lock (sent)
        {
            sent.Add(notification);
        }

        return Task.FromResult(1);
    }
}
