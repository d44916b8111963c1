using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using QualityWatch.Api;
using QualityWatch.Hosting;
using QualityWatch.Ingestion;
using QualityWatch.Simulator;
using QualityWatch.Storage;
using QualityWatch.Trends;

namespace QualityWatch.Demo;

/// <summary>
/// <c>qualitywatch demo</c>: the real service with its embedded SQLite, the judge simulator as the
/// judge (over HTTP on loopback) and a simulated chatbot as traffic, playing a day on an
/// accelerated clock in which prompt_version v2 raises the hallucination rate.
/// </summary>
internal static class DemoCommand
{
    private const string JudgeKey = "demo-judge-key";
    private const int MaxBatch = 2000;
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ShowEvery = TimeSpan.FromMilliseconds(500);
    // The drain gives up after this long without a new verdict; generous so a loaded machine still reports every sample judged.
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromMinutes(3);

    public static int Run(IReadOnlyList<string> args) => RunAsync(args, Console.Out, !Console.IsOutputRedirected, CancellationToken.None).GetAwaiter().GetResult();

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, bool interactive, CancellationToken cancellationToken, TextWriter? errors = null)
    {
        errors ??= Console.Error;
        if (args is ["--help" or "-h", ..])
        {
            output.WriteLine(DemoOptions.Usage);
            return 0;
        }

        var options = DemoOptions.Parse(args, out var error);
        if (options is null)
        {
            await errors.WriteLineAsync($"demo: {error}\n{DemoOptions.Usage}");
            return 2;
        }

        // The simulated day ends about now, so its trends and report are "yesterday and today".
        var realNow = TimeProvider.System.GetUtcNow();
        var start = new DateTimeOffset(realNow.Year, realNow.Month, realNow.Day, realNow.Hour, 0, 0, TimeSpan.Zero).AddHours(-Math.Ceiling(options.Hours));
        // Real speed while the simulator and the service start (a loaded machine takes seconds to compile them): the pace
        // speeds the clock up once the day's traffic starts.
        var clock = new AcceleratedTimeProvider(start, 1);
        RecreateDatabase(options.DatabasePath);

        await using var judge = await JudgeSimulator.StartAsync(
            new SimulatorOptions
            {
                GeminiApiKey = JudgeKey,
                TimeProvider = clock,
                // Flex answers take seconds to minutes of simulated time, as the real tier does.
                Faults = new() { Latency = { ["flex"] = "lognormal 20s 2m", ["*"] = "lognormal 2s 8s" } },
            },
            cancellationToken);

        WebApplication app;
        try
        {
            app = QualityWatchApp.Build(["--urls", options.Urls], builder =>
            {
                builder.Configuration.AddInMemoryCollection(Settings(options, judge));
                builder.Services.AddSingleton<TimeProvider>(clock);
            });
            await app.StartAsync(cancellationToken);
        }
        catch (IOException ex)
        {
            await errors.WriteLineAsync($"demo: cannot listen on {options.Urls}: {ex.Message} Choose another with --urls http://127.0.0.1:PORT.");
            return 3;
        }

        await using (app)
        {
            var address = new Uri(app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());
            using var client = new HttpClient { BaseAddress = address };
            if (SendAndReadKey(app.Services) is { } key)
            {
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            }

            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, app.Lifetime.ApplicationStopping);
            try
            {
                var pace = new DemoPace(clock, app.Services.GetRequiredService<SqliteConnectionFactory>(), options.Speed);
                var rollup = app.Services.GetRequiredService<TrendRollup>();
                await PlayAsync(options, start, clock, pace, rollup, client, output, interactive, stopping.Token);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                output.WriteLine();
                output.WriteLine("Demo interrupted.");
                await app.StopAsync(CancellationToken.None);
                return 130;
            }

            output.WriteLine();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Report:   {address}v1/reports/daily?date={(start + TimeSpan.FromHours(options.ChangeAtHour)).UtcDateTime:yyyy-MM-dd}"));
            output.WriteLine($"Alerts:   {address}v1/alerts");
            output.WriteLine($"Trends:   {address}v1/trends?granularity=hour");
            output.WriteLine($"Metrics:  {address}metrics");
            output.WriteLine($"Database: {Path.GetFullPath(options.DatabasePath)}");

            if (options.KeepRunning && !stopping.IsCancellationRequested)
            {
                clock.SetSpeed(1);
                output.WriteLine();
                output.WriteLine("The service keeps running (clock back to real speed). Press Ctrl-C to stop.");
                await app.WaitForShutdownAsync(cancellationToken);
            }
            else
            {
                await app.StopAsync(CancellationToken.None);
                output.WriteLine();
                output.WriteLine("The service has stopped; the database stays. Add --keep-running to keep the links above up.");
            }
        }

        return 0;
    }

    private static async Task PlayAsync(DemoOptions options, DateTimeOffset start, AcceleratedTimeProvider clock, DemoPace pace, TrendRollup rollup, HttpClient client, TextWriter output, bool interactive, CancellationToken cancellationToken)
    {
        var traffic = new DemoTraffic(options, start);
        var observer = new DemoObserver(client, start, traffic.End);
        var progress = new DemoProgress(output, interactive);
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"QualityWatch demo: {options.Hours:0.#} h of chatbot traffic at {options.RatePerHour:N0} responses/h, every {options.EveryN}th judged, clock {options.Speed:0.#}x."));
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"prompt_version v1 hallucinates {options.RateBefore:P1}; v2, deployed at {traffic.ChangeAt.UtcDateTime:yyyy-MM-dd HH:mm}Z, {options.RateAfter:P1}."));
        output.WriteLine();

        IReadOnlyList<DemoAlert> fired = [];
        DemoTotals totals = new(0, 0, 0, 0, null);
        using var pacing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var paceLoop = pace.RunAsync(pacing.Token);
        try
        {
            var lastShown = TimeProvider.System.GetTimestamp() - (long)(ShowEvery.TotalSeconds * TimeProvider.System.TimestampFrequency);
            while (true)
            {
                var now = clock.GetUtcNow();
                // After a stall (startup, a loaded machine) many responses are due at once: post them in
                // batches the ingest limit accepts.
                for (var due = traffic.DueBy(now); traffic.Generated < due;)
                {
                    await PostAsync(client, traffic.NextBatch(Math.Min(due, traffic.Generated + MaxBatch)), cancellationToken);
                }

                if (TimeProvider.System.GetElapsedTime(lastShown) >= ShowEvery || now >= traffic.End)
                {
                    lastShown = TimeProvider.System.GetTimestamp();
                    totals = await observer.TotalsAsync(now, cancellationToken);
                    fired = await observer.FiredAsync(cancellationToken);
                    progress.Show(now, totals, now >= traffic.ChangeAt ? "v2" : "v1", fired);
                }

                if (now >= traffic.End)
                {
                    break;
                }

                await Task.Delay(Tick, cancellationToken);
            }

            // Let the judge finish the last samples and the alert rules see them. The clock keeps its
            // speed: the simulator's flex latency is simulated time, so real speed would stall the drain.
            // The timeout counts from the last verdict, not from the end of traffic: a loaded machine drains slowly but surely.
            // The totals come from the hourly rollup, so it is brought up to date before each read (it waits for its own
            // scheduled run if one is under way): done once it counts every response sent and every sample has its verdict.
            var drainStarted = TimeProvider.System.GetTimestamp();
            while ((totals.Interactions < traffic.Generated || totals.Judged + totals.Failed < totals.Sampled)
                && TimeProvider.System.GetElapsedTime(drainStarted) < DrainTimeout)
            {
                await Task.Delay(ShowEvery, cancellationToken);
                var finished = totals.Judged + totals.Failed + totals.Interactions;
                await rollup.RunAsync(cancellationToken);
                totals = await observer.TotalsAsync(clock.GetUtcNow(), cancellationToken);
                if (totals.Judged + totals.Failed + totals.Interactions > finished)
                {
                    drainStarted = TimeProvider.System.GetTimestamp();
                }

                fired = await observer.FiredAsync(cancellationToken);
                progress.Show(clock.GetUtcNow(), totals, "v2", fired, draining: true);
            }

            await Task.Delay(TimeSpan.FromSeconds(2.5), cancellationToken);
            await rollup.RunAsync(cancellationToken);
            totals = await observer.TotalsAsync(clock.GetUtcNow(), cancellationToken);
            fired = await observer.FiredAsync(cancellationToken);
        }
        finally
        {
            // Stopped on every way out, so no look at the database outlives the play.
            await pacing.CancelAsync();
            await paceLoop;
        }

        progress.Finish(clock.GetUtcNow(), totals, "v2", fired);
        Summarize(output, options, traffic, totals, fired);
        if (pace.Slowest < options.Speed)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Pace:       the machine fell behind the {options.Speed:0.#}x clock; it ran slower (down to {pace.Slowest:0.#}x, {pace.SlowedFor.TotalSeconds:0} s in all) so the judge kept up."));
        }


        SummarizeIncidents(output, await observer.IncidentsAsync(cancellationToken));
    }

    private static void Summarize(TextWriter output, DemoOptions options, DemoTraffic traffic, DemoTotals totals, IReadOnlyList<DemoAlert> fired)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"Traffic:    {traffic.Generated:N0} responses ({traffic.Hallucinated:N0} hallucinated), {totals.Sampled:N0} sampled, {totals.Judged:N0} judged, {totals.Failed:N0} failed."));
        output.WriteLine(string.Create(c, $"Regression: prompt_version v2 went live at {traffic.ChangeAt.UtcDateTime:yyyy-MM-dd HH:mm}Z ({options.RateBefore:P1} -> {options.RateAfter:P1} hallucinations)."));
        if (fired.Count == 0)
        {
            output.WriteLine("Alert:      none fired. Try more traffic (--rate), denser sampling (--every) or more hours (--hours).");
            return;
        }

        // The first firing of each rule after the change is the detection; earlier ones were false alarms.
        foreach (var alert in fired.Where(a => a.At >= traffic.ChangeAt).GroupBy(a => a.Rule).Select(g => g.First()))
        {
            var delay = alert.At - traffic.ChangeAt;
            var version = alert.PromptVersion.Length > 0 ? ", prompt_version " + alert.PromptVersion : "";
            output.WriteLine(string.Create(c, $"Alert:      {alert.Rule} fired at {alert.At.UtcDateTime:yyyy-MM-dd HH:mm}Z for stream {alert.Stream}{version}, {(int)delay.TotalHours}h {delay.Minutes:00}m after the change."));
            output.WriteLine($"            {alert.Reason}");
        }

        var early = fired.Where(a => a.At < traffic.ChangeAt).ToList();
        if (early.Count > 0)
        {
            output.WriteLine(string.Create(c, $"Before the change {early.Count} alert(s) fired on v1 alone (false alarms): {string.Join(", ", early.Select(a => $"{a.Rule} at {a.At.UtcDateTime:HH:mm}Z"))}."));
        }
    }

    private static void SummarizeIncidents(TextWriter output, IReadOnlyList<DemoIncident> incidents)
    {
        var c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c, $"Incidents:  {incidents.Count(i => i.Kind == "quality")} quality, {incidents.Count(i => i.Kind == "operational")} operational."));
        foreach (var incident in incidents)
        {
            var resolved = incident.ResolvedAt is { } at ? string.Create(c, $", resolved {at.UtcDateTime:yyyy-MM-dd HH:mm}Z") : "";
            output.WriteLine(string.Create(c, $"Incident:   {incident.Id} {incident.Kind}, stream {incident.Stream}, {incident.Subject}: {incident.State}, opened {incident.OpenedAt.UtcDateTime:yyyy-MM-dd HH:mm}Z{resolved}"));
            if (incident.Notifications.Count == 0)
            {
                output.WriteLine("            notified:  none");
            }

            // One line per notification of the thread: kind, when, and the channel that took it.
            foreach (var n in incident.Notifications)
            {
                output.WriteLine(string.Create(c, $"            notified:  {n.Kind,-8} {n.At.UtcDateTime:yyyy-MM-dd HH:mm}Z  {n.Channel ?? "(no channel configured)"}"));
            }
        }
    }

    private static async Task PostAsync(HttpClient client, string ndjson, CancellationToken cancellationToken)
    {
        using var content = new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson");
        using var response = await client.PostAsync("v1/interactions", content, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"demo: ingest answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    private static Dictionary<string, string?> Settings(DemoOptions options, JudgeSimulator judge) => new(judge.ServiceSettings())
    {
        ["Storage:DatabasePath"] = options.DatabasePath,
        ["Sampling:EveryN"] = options.EveryN.ToString(CultureInfo.InvariantCulture),
        ["Judge:ServiceTier"] = "flex",
        ["Judge:RequestsPerMinute"] = "100000",
        ["Judge:MaxConcurrency"] = "16",
        // Simulated too: an hour is 5 real seconds at 720x, room for a call on a loaded machine.
        ["Judge:RequestTimeout"] = "01:00:00",

        // Leases and their heartbeats run on the simulated clock: at 1800x the shipped 15 s heartbeat would write every
        // 8 real ms, and a loaded machine could miss a lease by a real second. The demo has one worker and nothing to
        // take a lease over from, so long ones cost nothing.
        ["Judge:LeaseDuration"] = "12:00:00",
        ["Judge:HeartbeatInterval"] = "00:10:00",
        ["Judge:OwnerTimeout"] = "01:00:00",
        ["Trends:RollupInterval"] = "00:00:01",
        ["Alerting:EvaluationInterval"] = "00:00:01",
        ["Reports:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",

        // The demo listens on loopback without ingest keys on purpose; the warning would only be noise.
        ["Logging:LogLevel:QualityWatch.Ingestion.IngestQueue"] = "Error",
    };

    private static void RecreateDatabase(string path)
    {
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            if (File.Exists(file))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>A configured key that may both send and read, as the demo does; null when the API is open.</summary>
    private static string? SendAndReadKey(IServiceProvider services)
    {
        var keys = services.GetRequiredService<IOptions<AuthOptions>>().Value.Keys;
        var both = keys.FirstOrDefault(k => k.Roles.Contains(ApiRoles.Admin) || (k.Roles.Contains(ApiRoles.Ingest) && k.Roles.Contains(ApiRoles.Read)));
        return both?.Key ?? services.GetRequiredService<IOptions<LegacyKeyOptions>>().Value.ApiKeys.FirstOrDefault();
    }
}
