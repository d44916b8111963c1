using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text;
using Dapper;
using Microsoft.Data.Sqlite;
using QualityWatch.Bench.Shared;
using QualityWatch.Testing;

namespace QualityWatch.Bench.Crash;

/// <summary>
/// <c>crash</c>: kill -9 under load. The service (a child process, every interaction sampled so
/// each one is a row) takes NDJSON batches from several connections and is killed at seeded
/// random moments, then restarted on the same file. In the end every id it answered 200 for must
/// be stored, and sending those ids again must come back as duplicates only.
/// </summary>
internal static class CrashCommand
{
    public static Command Command() => BenchVerb.Create(
        "crash",
        "kill -9 under load: interactions acknowledged and lost",
        RunAsync,
        BenchOption.Int("--kills", 16, "kill -9s of the service"),
        BenchOption.Double("--seconds", 3, "load per run"),
        BenchOption.Int("--connections", 8, "concurrent connections"),
        BenchOption.Int("--batch", 200, "interactions per NDJSON batch"),
        BenchOption.Int("--seed", 1, "random seed"),
        BenchOption.ServiceDll(),
        BenchOption.Results(),
        BenchOption.NoWrite());

    public const string Heading = "## Crash: kill -9 under load";
    private const string Key = "bench-crash-key-0123456789abcdef";

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var kills = a.Int("--kills");
        var seconds = a.Double("--seconds");
        var connections = a.Int("--connections");
        var batch = a.Int("--batch");
        var random = new Random(a.Int("--seed"));
        if (a.ServiceDll("crash") is not { } dll)
        {
            return 2;
        }

        var folder = Directory.CreateTempSubdirectory("qw-bench-crash-");
        var database = Path.Combine(folder.FullName, "qualitywatch.db");
        var environment = new Dictionary<string, string>(BenchKey.Settings(Key))
        {
            ["Storage__DatabasePath"] = database,
            ["Sampling__EveryN"] = "1",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        var acknowledged = new ConcurrentQueue<string>();
        var load = Machine.LoadAverage();
        var clock = Stopwatch.StartNew();
        try
        {
            for (var kill = 0; kill < kills; kill++)
            {
                var service = await ServiceProcess.StartReadyAsync(dll, environment);
                var before = acknowledged.Count;
                using var stop = new CancellationTokenSource();
                var senders = Enumerable.Range(0, connections)
                    .Select(sender => SendUntilGoneAsync(service.BaseAddress, $"k{kill}-c{sender}", batch, acknowledged, stop.Token)).ToArray();

                // A seeded moment between 0.5x and 1.5x --seconds, while every connection has a request in flight.
                await Task.Delay(TimeSpan.FromSeconds(seconds * (0.5 + random.NextDouble())));
                service.Kill();
                await stop.CancelAsync();
                await Task.WhenAll(senders);
                await service.DisposeAsync();
                Console.WriteLine($"kill {kill + 1}/{kills}: {acknowledged.Count - before:N0} acknowledged since the start before it");
            }

            await using var last = await ServiceProcess.StartReadyAsync(dll, environment);
            var stored = await StoredIdsAsync(database);
            var lost = acknowledged.Count(id => !stored.Contains(id));
            var resent = acknowledged.Take(5_000).ToList();
            var duplicates = await ResendAsync(last.BaseAddress, resent);
            await last.StopAsync();

            var section = Section(kills, seconds, connections, batch, acknowledged.Count, stored.Count, lost, resent.Count, duplicates, clock.Elapsed, load);
            Console.WriteLine();
            Console.WriteLine(section);
            if (!a.Flag("--no-write"))
            {
                ResultsFile.WriteSection(a.ResultsPath(), Heading, section);
            }

            return lost == 0 && duplicates == resent.Count ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Sends batches until the process is gone; an id counts as acknowledged only with its request's 200.</summary>
    private static Task SendUntilGoneAsync(Uri url, string prefix, int batch, ConcurrentQueue<string> acknowledged, CancellationToken stop) => Task.Run(async () =>
    {
        using var client = Client(url);
        for (var round = 0; !stop.IsCancellationRequested; round++)
        {
            var ids = Enumerable.Range(0, batch).Select(i => $"{prefix}-r{round}-i{i}").ToList();
            try
            {
                using var response = await client.PostAsync("/v1/interactions", Ndjson(ids), CancellationToken.None);
                if (response.IsSuccessStatusCode)
                {
                    foreach (var id in ids)
                    {
                        acknowledged.Enqueue(id);
                    }
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                return; // killed: this batch has no answer, so nothing of it was acknowledged
            }
        }
    }, CancellationToken.None);

    private static async Task<int> ResendAsync(Uri url, List<string> ids)
    {
        using var client = Client(url);
        var duplicates = 0;
        foreach (var chunk in ids.Chunk(500))
        {
            using var response = await client.PostAsync("/v1/interactions", Ndjson(chunk));
            response.EnsureSuccessStatusCode();
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            duplicates += answer.RootElement.GetProperty("duplicates").GetInt32();
        }

        return duplicates;
    }

    private static async Task<HashSet<string>> StoredIdsAsync(string database)
    {
        await using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        return [.. await connection.QueryAsync<string>("SELECT interaction_id FROM samples")];
    }

    private static HttpClient Client(Uri url)
    {
        var client = new HttpClient { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Key);
        return client;
    }

    private static StringContent Ndjson(IEnumerable<string> ids)
    {
        var body = new StringBuilder();
        foreach (var id in ids)
        {
            body.Append("{\"id\":\"").Append(id).Append("\",\"prompt\":\"Where is my order?\",\"response\":\"It shipped yesterday.\",\"prompt_version\":\"v1\"}\n");
        }

        return new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson");
    }

    private static string Section(int kills, double seconds, int connections, int batch, int acknowledged, int stored, int lost, int resent, int duplicates, TimeSpan elapsed, double load) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"""
        {Heading} ({Machine.Today()})

        `crash --kills {kills} --seconds {seconds} --connections {connections} --batch {batch}` on a {Machine.Describe()} (load average {load:0.0} at the start), {elapsed.TotalSeconds:0} s in all.
        The service runs as a child process with `Sampling:EveryN` 1, so every interaction it acknowledges is a row of `samples`.
        {connections} connections send NDJSON batches of {batch}; the service is killed with SIGKILL at a seeded moment ({seconds * 0.5:0.#}–{seconds * 1.5:0.#} s after its start) and restarted on the same file, {kills} times.
        An id counts as acknowledged only when its request was answered 200.

        | kills | acknowledged | stored after the last restart | lost | re-sent | answered as duplicates |
        |---:|---:|---:|---:|---:|---:|
        | {kills} | {acknowledged:N0} | {stored:N0} | **{lost}** | {resent:N0} | {duplicates:N0} |

        Stored may exceed acknowledged: a batch committed just before the kill never got its answer out.
        """);
}
