using System.Globalization;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.NotifyOutages;

/// <summary>The <c>## Notification outages</c> section of bench/RESULTS.md.</summary>
internal static class NotifyOutagesReport
{
    public static string Section(NotifyOutagesRun run, IReadOnlyList<NotifyOutagesRow> rows)
    {
        var table = new MarkdownTable(
            ["channel", "enqueued", "delivered (distinct ids received)", "duplicates received", "deliveries failed", "still pending", "attempts recorded", "peer back → all delivered"]);
        foreach (var row in rows)
        {
            table.Add(
                $"`{row.Channel}`",
                Fmt.N0(run.Notifications),
                $"**{row.Received.Distinct} of {run.Notifications}**",
                Fmt.N0(row.Received.Duplicates),
                Fmt.N0(row.State?.Failed ?? 0),
                Fmt.N0(row.State?.Pending ?? 0),
                Fmt.N0(row.State?.Attempts ?? 0),
                row.PeerBackToAllDelivered is { } t ? Fmt.F(t.TotalSeconds, 1) + " s" : "never (timeout)");
        }

        var delivered = rows.All(r => r.Received.Distinct == run.Notifications);
        var duplicates = rows.Sum(r => r.Received.Duplicates);
        var reading = delivered
            ? $"{run.Notifications} of {run.Notifications} notifications delivered on every channel after the SMTP and webhook outages and two kills, none failed, duplicates received: {duplicates}"
            : $"**not every notification was delivered**: {string.Join(", ", rows.Select(r => $"{r.Channel} {r.Received.Distinct} of {run.Notifications}"))}";
        return string.Create(CultureInfo.InvariantCulture, $"""
            {NotifyOutagesCommand.Heading} ({Machine.Today()})

            Machine: {Machine.Describe()}, Release build, load average {run.LoadAverage:0.0} at the start (the machine was shared), {run.Elapsed.TotalSeconds:0} s in all. Reproduce:

            ```sh
            dotnet build -c Release bench/QualityWatch.Bench
            dotnet bench/QualityWatch.Bench/bin/Release/net10.0/QualityWatch.Bench.dll notify-outages --notifications {run.Notifications} --outage {run.Outage.TotalSeconds:0.#} --smtp-delay {run.SmtpDelay.TotalSeconds:0.##}
            ```

            The service runs as its own process with email (`Security` None, to a plain SMTP sink on 127.0.0.1) and one signed webhook (Kestrel on 127.0.0.1),
            `Notifications:Retry:InitialDelay` 1 s, `MaxDelay` 5 s, `DispatchInterval` 1 s; both peers are down at the start.
            The bench enqueues {run.Notifications} notifications through the service's own `INotificationOutbox` into its database.
            The service retries for {run.Outage.TotalSeconds:0.#} s ({run.AttemptsBeforeFirstKill} attempts refused) and is killed with SIGKILL.
            It restarts and the SMTP sink comes back (it answers each DATA after {run.SmtpDelay.TotalMilliseconds:0} ms, as a relay writing to disk does).
            The service is killed again mid-delivery, with {run.EmailsSentAtSecondKill} of {run.Notifications} emails recorded sent; it restarts and the webhook receiver comes back.
            Peers count what they accepted by `Message-Id` and `webhook-id`; the outbox figures are its `notification_deliveries` and `notification_attempts` rows
            (attempts include the successful one). The email's time from its peer's return includes the second kill and restart.

            {table}
            Reading: {reading} (sending is at least once: a kill between a send and its record sends it again, with the same id).
            """);
    }
}
