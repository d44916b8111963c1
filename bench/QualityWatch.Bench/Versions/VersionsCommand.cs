using System.CommandLine;
using Microsoft.Data.Sqlite;
using QualityWatch.Bench.Shared;
using QualityWatch.Testing;

namespace QualityWatch.Bench.Versions;

/// <summary>
/// <c>versions</c>: a sender minting a prompt_version per request. Per scenario, starts the service as
/// a child process on a fresh database, sends <c>--count</c> interactions with distinct prompt_version values,
/// stops it, starts it again on the same database and times the first ingest; peak RSS of both processes.
/// </summary>
internal static class VersionsCommand
{
    public static Command Command() => BenchVerb.Create(
        "versions",
        "a sender minting a prompt_version per request: service memory with and without the cap",
        RunAsync,
        BenchOption.Int("--count", 1_000_000, "interactions to send"),
        BenchOption.Int("--batch", 500, "interactions per NDJSON batch"),
        BenchOption.Int("--connections", 4, "concurrent connections"),
        BenchOption.Flag("--uncapped", "also run without the prompt_version cap"),
        BenchOption.ServiceDll(),
        BenchOption.Results(),
        BenchOption.NoWrite());

    public const string Heading = "## Version cardinality";
    private const string Key = "bench-versions-key-0123456789abcdef";

    /// <summary>The pre-cap behaviour, reproduced with a cap no run reaches.</summary>
    private const int NoCap = 100_000_000;

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var count = a.Int("--count");
        if (a.ServiceDll("versions") is not { } dll)
        {
            return 2;
        }

        var results = new List<VersionsResult>
        {
            await RunScenarioAsync(dll, "default cap (200 per stream)", null, count, a.Int("--batch"), a.Int("--connections")),
        };
        if (a.Flag("--uncapped"))
        {
            results.Add(await RunScenarioAsync(dll, "no cap", NoCap, count, a.Int("--batch"), a.Int("--connections")));
        }

        var section = VersionsReport.Section(results);
        Console.WriteLine(section);
        if (!a.Flag("--no-write"))
        {
            ResultsFile.WriteSection(a.ResultsPath(), Heading, section);
        }

        return results.All(r => r.LoadErrors == 0 && r.FirstIngestOk) ? 0 : 1;
    }

    private static async Task<VersionsResult> RunScenarioAsync(string dll, string name, int? cap, int count, int batch, int connections)
    {
        var folder = Directory.CreateTempSubdirectory("qw-bench-versions-");
        var database = Path.Combine(folder.FullName, "qualitywatch.db");
        var environment = new Dictionary<string, string>(BenchKey.Settings(Key)) { ["Storage__DatabasePath"] = database };
        if (cap is { } n)
        {
            environment["Sampling__MaxVersionsPerStream"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var run = Guid.NewGuid().ToString("N")[..8];
        try
        {
            long idle, loadPeak;
            (double Seconds, long Errors) load;
            await using (var service = await ServiceProcess.StartReadyAsync(dll, environment))
            {
                using var client = VersionsLoad.Client(service.BaseAddress, Key, connections);
                idle = service.RssBytes;
                load = await VersionsLoad.SendAsync(client, run, count, batch, connections);
                loadPeak = service.PeakRssBytes;
                Console.WriteLine($"{name}: {count:N0} in {load.Seconds:F1} s, {load.Errors} errors, idle {idle / 1_048_576} MiB, peak {loadPeak / 1_048_576} MiB");
                await service.StopAsync();
            }

            var tracked = TrackedRows(database);
            await using (var service = await ServiceProcess.StartReadyAsync(dll, environment))
            {
                using var client = VersionsLoad.Client(service.BaseAddress, Key, 1);
                var restartIdle = service.RssBytes;
                var (ms, ok) = await VersionsLoad.SendOneAsync(client, run, count);
                var restartPeak = service.PeakRssBytes;
                Console.WriteLine($"{name}: restart idle {restartIdle / 1_048_576} MiB, first ingest {ms:F0} ms, peak {restartPeak / 1_048_576} MiB");
                await service.StopAsync();
                return new VersionsResult(name, count, load.Seconds, load.Errors, idle, loadPeak, tracked, restartIdle, ms, ok, restartPeak);
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    private static long TrackedRows(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM sampling_versions;";
        return (long)command.ExecuteScalar()!;
    }
}
