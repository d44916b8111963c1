using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using QualityWatch.Bench.Shared;
using QualityWatch.Simulator.Stats;
using QualityWatch.Simulator;
using QualityWatch.Testing;

namespace QualityWatch.Bench.JudgeFaults;

/// <summary>
/// <c>judge-faults</c>: samples judged exactly once through a faulty judge and kill -9s. The service
/// (a child process, the shipped lease and retry settings) judges every queued sample at the
/// simulator, which answers with 429s and 500s at the given rates; the service is killed while
/// calls are out, twice, and restarted. In the end every sample must have exactly one verdict,
/// and the time from each restart to its next verdict says how soon a dead instance's leases
/// are taken back.
/// </summary>
internal static class JudgeFaultsCommand
{
    public static Command Command() => BenchVerb.Create(
        "judge-faults",
        "exactly-once judging through 429s, 500s and kill -9",
        RunAsync,
        BenchOption.Int("--samples", 700, "samples to judge"),
        BenchOption.Int("--kills", 2, "kill -9s of the service"),
        BenchOption.Seconds("--timeout", 600, "give up after"),
        BenchOption.String("--latency", "uniform 1s 4s", "the simulated judge latency"),
        BenchOption.Double("--rate429", 0.3, "share of judge calls answered 429"),
        BenchOption.Double("--rate500", 0.1, "share of judge calls answered 500"),
        BenchOption.ServiceDll(),
        BenchOption.Results(),
        BenchOption.NoWrite());

    public const string Heading = "## Judge faults: exactly once through 429s, 500s and kill -9";
    private const string JudgeKey = "bench-judge-key-0123456789";
    private const string IngestKey = "bench-faults-key-0123456789abcdef";

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var samples = a.Int("--samples");
        var kills = a.Int("--kills");
        var timeout = a.Seconds("--timeout");
        var latency = a.String("--latency");
        if (a.ServiceDll("judge-faults") is not { } dll)
        {
            return 2;
        }

        await using var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeKey });
        simulator.Faults.Rate429 = a.Double("--rate429");
        simulator.Faults.Rate500 = a.Double("--rate500");
        simulator.Faults.Latency["*"] = QualityWatch.Simulator.Faults.LatencyDistribution.Parse(latency);
        simulator.Faults.RetryDelay = TimeSpan.FromMilliseconds(200);

        var folder = Directory.CreateTempSubdirectory("qw-bench-faults-");
        var database = Path.Combine(folder.FullName, "qualitywatch.db");
        var environment = new Dictionary<string, string>(BenchKey.Settings(IngestKey))
        {
            ["Storage__DatabasePath"] = database,
            ["Logging__LogLevel__Default"] = "Warning",
            ["Sampling__EveryN"] = "1",
            ["Judge__ServiceTier"] = "standard",
            ["Judge__RequestsPerMinute"] = "600",
            ["Judge__MaxConcurrency"] = "8",
        };
        foreach (var (key, value) in simulator.ServiceSettings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;
        }

        var load = Machine.LoadAverage();
        var clock = Stopwatch.StartNew();
        var restarts = new List<TimeSpan?>();
        try
        {
            var service = await ServiceProcess.StartReadyAsync(dll, environment);
            await IngestAsync(service.BaseAddress, samples);
            for (var kill = 1; kill <= kills; kill++)
            {
                // Kill at even shares of the work, while the simulator holds calls in flight.
                var target = samples * kill / (kills + 1);
                await WaitUntilAsync(() => Verdicts(database) >= target && simulator.Stats.Waiting > 0, timeout);
                service.Kill();
                await service.DisposeAsync();
                var before = Verdicts(database);
                var restarted = Stopwatch.StartNew();
                service = await ServiceProcess.StartReadyAsync(dll, environment);
                var next = await WaitUntilAsync(() => Verdicts(database) > before, TimeSpan.FromMinutes(2));
                restarts.Add(next ? restarted.Elapsed : null);
                Console.WriteLine($"kill {kill}/{kills} at {before} verdicts; next verdict {(next ? $"{restarted.Elapsed.TotalSeconds:0.0} s" : "not within 2 min")} after the restart");
            }

            var drained = await WaitUntilAsync(() => Settled(database) >= samples, timeout);
            var drain = clock.Elapsed;
            await service.StopAsync();
            await service.DisposeAsync();

            var outcome = Outcome(database);
            var records = simulator.Stats.Records;
            var section = Section(a, samples, kills, latency, outcome, records, restarts, drained, drain, load);
            Console.WriteLine();
            Console.WriteLine(section);
            if (!a.Flag("--no-write"))
            {
                ResultsFile.WriteSection(a.ResultsPath(), Heading, section);
            }

            return drained && outcome.Done == samples && outcome.Verdicts == samples ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task IngestAsync(Uri url, int samples)
    {
        using var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IngestKey);
        var body = new StringBuilder();
        for (var i = 0; i < samples; i++)
        {
            body.Append(CultureInfo.InvariantCulture, $$"""{"id":"faults-{{i}}","prompt":"Where is my order {{i}}?","response":"It shipped yesterday and arrives on Friday.","context":"Order {{i}} shipped yesterday.","model":"gpt-4o-mini","prompt_version":"v1"}""").Append('\n');
        }

        using var response = await client.PostAsync("/v1/interactions", new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"));
        response.EnsureSuccessStatusCode();
    }

    private static async Task<bool> WaitUntilAsync(Func<bool> condition, TimeSpan timeout)
    {
        var started = Stopwatch.StartNew();
        while (started.Elapsed < timeout)
        {
            if (condition())
            {
                return true;
            }

            await Task.Delay(100);
        }

        return false;
    }

    private static SqliteConnection Open(string database) => new($"Data Source={database};Mode=ReadOnly;Pooling=False;Default Timeout=30");

    private static long Verdicts(string database)
    {
        using var connection = Open(database);
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM verdicts");
    }

    private static long Settled(string database)
    {
        using var connection = Open(database);
        return connection.ExecuteScalar<long>("SELECT COUNT(*) FROM samples WHERE status IN ('done', 'failed')");
    }

    private static FaultsOutcome Outcome(string database)
    {
        using var connection = Open(database);
        return connection.QuerySingle<FaultsOutcome>("""
            SELECT (SELECT COUNT(*) FROM samples WHERE status = 'done') AS Done,
                   (SELECT COUNT(*) FROM samples WHERE status = 'failed') AS Failed,
                   (SELECT COUNT(*) FROM samples WHERE status NOT IN ('done', 'failed')) AS Unsettled,
                   (SELECT COUNT(*) FROM verdicts) AS Verdicts,
                   (SELECT COALESCE(SUM(attempts), 0) FROM samples) AS Attempts
            """);
    }

    private static string Section(BenchArgs a, int samples, int kills, string latency, FaultsOutcome o, IReadOnlyList<RequestRecord> records, List<TimeSpan?> restarts, bool drained, TimeSpan drain, double load)
    {
        var calls = records.Count(r => r.Kind is EndpointKind.GenerateContent);
        var answered = records.Count(r => r.Kind is EndpointKind.GenerateContent && r.StatusCode == 200);
        var status429 = records.Count(r => r.StatusCode == 429);
        var status500 = records.Count(r => r.StatusCode == 500);
        var unanswered = records.Count(r => r.StatusCode == 0);
        var reclaim = string.Join(", ", restarts.Select(r => r is { } t ? $"{t.TotalSeconds:0.0} s" : "none within 2 min"));
        return string.Create(CultureInfo.InvariantCulture, $"""
            {Heading} ({Machine.Today()})

            `judge-faults --samples {samples} --rate429 {a.Double("--rate429")} --rate500 {a.Double("--rate500")} --kills {kills} --latency "{latency}"` on a {Machine.Describe()} (load average {load:0.0} at the start).
            The service runs as a child process with the shipped lease, retry and attempt settings (`Judge:MaxConcurrency` 8, 600 requests/min, `standard` tier); the simulator answers 429 and 500 at the given rates and holds each call for the given latency.
            The service is killed with SIGKILL {kills} time(s) while calls are out (at even shares of the verdicts) and restarted on the same file.

            | samples | done | failed | unsettled | verdicts stored | verdicts answered by the judge | attempts charged | calls at the judge | 429 | 500 | unanswered (killed) | first verdict after each restart | drained |
            |---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|
            | {samples} | {o.Done} | {o.Failed} | {o.Unsettled} | **{o.Verdicts}** | {answered:N0} | {o.Attempts} | {calls:N0} | {status429:N0} | {status500:N0} | {unanswered} | {reclaim} | {(drained ? $"{drain.TotalSeconds:0} s" : "no")} |

            Calls are at least once (a verdict answered to a killed instance is asked for again), verdicts exactly once: one stored per sample.
            Attempts charged sums every sample's `attempts`: a call lost to a kill should not be charged when the restarted instance takes its dead predecessor's lease back.
            """);
    }

    private sealed record FaultsOutcome(long Done, long Failed, long Unsettled, long Verdicts, long Attempts);
}
