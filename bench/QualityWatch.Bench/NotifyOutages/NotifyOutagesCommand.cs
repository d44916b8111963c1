using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using QualityWatch.Bench.Shared;
using QualityWatch.Testing;

namespace QualityWatch.Bench.NotifyOutages;

/// <summary>
/// <c>notify-outages</c>: the service as a child process with email (a plain SMTP sink) and one signed webhook,
/// both peers on loopback and down at the start. Notifications enqueued through the service's own outbox; the
/// service retries, is killed with SIGKILL, restarts; SMTP comes back; the service is killed again while emails
/// go out, restarts; the webhook comes back. Every notification must reach both peers.
/// </summary>
internal static class NotifyOutagesCommand
{
    public static Command Command() => BenchVerb.Create(
        "notify-outages",
        "notification delivery through SMTP and webhook outages and kills",
        RunAsync,
        BenchOption.Int("--notifications", 18, "notifications to deliver"),
        BenchOption.Seconds("--outage", 8, "length of each outage"),
        BenchOption.Seconds("--smtp-delay", 0.3, "SMTP server delay per message"),
        BenchOption.Seconds("--timeout", 180, "give up after"),
        BenchOption.ServiceDll(),
        BenchOption.Results(),
        BenchOption.NoWrite());

    public const string Heading = "## Notification outages";
    private const string Email = "email";
    private const string Webhook = "webhook:bench";

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var count = a.Int("--notifications");
        var outage = a.Seconds("--outage");
        var smtpDelay = a.Seconds("--smtp-delay");
        var timeout = a.Seconds("--timeout");
        if (a.ServiceDll("notify-outages") is not { } dll)
        {
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("qw-bench-notify-");
        var database = Path.Combine(folder.FullName, "qualitywatch.db");
        await using var smtp = new SmtpSink(FreePort.Next(), smtpDelay);
        await using var hook = new WebhookSink(FreePort.Next());
        var environment = Environment(database, smtp.Port, hook.Url);
        var load = Machine.LoadAverage();
        var clock = Stopwatch.StartNew();
        ServiceProcess? service = null;
        try
        {
            // Both peers down: every attempt is refused and goes back to the outbox with its backoff.
            service = await ServiceProcess.StartReadyAsync(dll, environment);
            await OutboxFeeder.EnqueueAsync(environment, count);
            Console.WriteLine($"{count} notifications enqueued; both peers down for {outage.TotalSeconds:0.#} s");
            await Task.Delay(outage);
            var attemptsDown = (await OutboxState.ReadAsync(database)).Values.Sum(s => s.Attempts);
            service.Kill();
            await service.DisposeAsync();
            service = null;
            Console.WriteLine($"kill 1 after {attemptsDown} refused attempts");

            service = await ServiceProcess.StartReadyAsync(dll, environment);
            smtp.Start();
            var smtpBack = Stopwatch.GetTimestamp();
            var third = Math.Max(1, count / 3);
            await UntilAsync(async () => Sent(await OutboxState.ReadAsync(database), Email) >= third, timeout);
            service.Kill();
            await service.DisposeAsync();
            service = null;
            var emailsAtKill = Sent(await OutboxState.ReadAsync(database), Email);
            Console.WriteLine($"kill 2 with {emailsAtKill} of {count} emails recorded sent");

            service = await ServiceProcess.StartReadyAsync(dll, environment);
            await hook.StartAsync();
            var hookBack = Stopwatch.GetTimestamp();
            TimeSpan? emailDone = null, hookDone = null;
            await UntilAsync(async () =>
            {
                var state = await OutboxState.ReadAsync(database);
                emailDone ??= Sent(state, Email) == count ? Stopwatch.GetElapsedTime(smtpBack) : null;
                hookDone ??= Sent(state, Webhook) == count ? Stopwatch.GetElapsedTime(hookBack) : null;
                return emailDone is not null && hookDone is not null;
            }, timeout);

            var final = await OutboxState.ReadAsync(database);
            await service.StopAsync();
            var run = new NotifyOutagesRun(count, outage, smtpDelay, attemptsDown, emailsAtKill, clock.Elapsed, load);
            var rows = new[]
            {
                new NotifyOutagesRow(Email, smtp.Received, final.GetValueOrDefault(Email), emailDone),
                new NotifyOutagesRow(Webhook, hook.Received, final.GetValueOrDefault(Webhook), hookDone),
            };
            var section = NotifyOutagesReport.Section(run, rows);
            Console.WriteLine();
            Console.WriteLine(section);
            if (!a.Flag("--no-write"))
            {
                ResultsFile.WriteSection(a.ResultsPath(), Heading, section);
            }

            return rows.All(r => r.Received.Distinct == count && r.State?.Sent == count) ? 0 : 1;
        }
        finally
        {
            if (service is not null)
            {
                await service.DisposeAsync();
            }

            folder.Delete(recursive: true);
        }
    }

    private static Dictionary<string, string> Environment(string database, int smtpPort, Uri hook) => new(BenchKey.Settings("bench-notify-outages-key-0123456789"))
    {
        ["Storage__DatabasePath"] = database,
        ["Logging__LogLevel__Default"] = "Warning",
        ["Notifications__DispatchInterval"] = "00:00:01",
        ["Notifications__Retry__InitialDelay"] = "00:00:01",
        ["Notifications__Retry__MaxDelay"] = "00:00:05",
        ["Notifications__Email__Enabled"] = "true",
        ["Notifications__Email__Host"] = "127.0.0.1",
        ["Notifications__Email__Port"] = smtpPort.ToString(CultureInfo.InvariantCulture),
        ["Notifications__Email__Security"] = "None",
        ["Notifications__Email__From"] = "QualityWatch <qualitywatch@bench.invalid>",
        ["Notifications__Email__To__0"] = "oncall@bench.invalid",
        ["Notifications__Webhooks__0__Name"] = "bench",
        ["Notifications__Webhooks__0__Url"] = hook.ToString(),
        ["Notifications__Webhooks__0__Secret"] = "bench-notify-outages-webhook-secret",
    };

    private static int Sent(IReadOnlyDictionary<string, OutboxState> state, string channel) => state.GetValueOrDefault(channel)?.Sent ?? 0;

    private static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var started = Stopwatch.GetTimestamp();
        while (!await condition() && Stopwatch.GetElapsedTime(started) < timeout)
        {
            await Task.Delay(100);
        }
    }
}
