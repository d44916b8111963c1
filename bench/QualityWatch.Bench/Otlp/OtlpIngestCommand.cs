using System.CommandLine;
using System.Globalization;
using System.Text;
using QualityWatch.Bench.Ingest;
using QualityWatch.Bench.Shared;
using QualityWatch.Testing;

namespace QualityWatch.Bench.Otlp;

/// <summary>
/// <c>otlp-ingest</c>: OTLP/HTTP protobuf ingest against NDJSON ingest of the same texts, each on a fresh service
/// child process in the same run, alternating so both see the same machine. Target: OTLP ≥ 50% of NDJSON.
/// </summary>
internal static class OtlpIngestCommand
{
    public const string Heading = "## OTLP ingest";
    private const string Key = "bench-otlp-key-0123456789abcdef";

    public static Command Command() => BenchVerb.Create(
        "otlp-ingest",
        "OTLP protobuf trace ingest against NDJSON ingest of the same content",
        RunAsync,
        BenchOption.Seconds("--seconds", 15, "load per run"),
        BenchOption.Seconds("--warmup", 3, "warm-up before measuring"),
        BenchOption.Int("--rounds", 2, "alternating OTLP/NDJSON pairs"),
        BenchOption.Flag("--profile", "only print where the time of each route goes, in process (parse, map, validate), and exit"),
        BenchOption.ServiceDll(),
        BenchOption.Results(),
        BenchOption.NoWrite());

    private static async Task<int> RunAsync(BenchArgs a)
    {
        if (a.Flag("--profile"))
        {
            Console.WriteLine(OtlpProfile.Run(Math.Max(a.Int("--rounds"), 5)));
            return 0;
        }

        if (a.ServiceDll("otlp-ingest") is not { } dll)
        {
            return 2;
        }

        var (seconds, warmup) = (a.Seconds("--seconds"), a.Seconds("--warmup"));
        var otlp = new List<IngestRun>();
        var ndjson = new List<IngestRun>();
        for (var round = 0; round < a.Int("--rounds"); round++)
        {
            otlp.Add(await RunOnFreshServiceAsync(dll, warmup, seconds, OtlpLoad.RunAsync));
            Console.WriteLine($"otlp   {otlp[^1]}");
            ndjson.Add(await RunOnFreshServiceAsync(dll, warmup, seconds, (u, d, c, b, k) => IngestLoad.RunAsync(u, d, c, b, k)));
            Console.WriteLine($"ndjson {ndjson[^1]}");
        }

        var section = Report(otlp, ndjson, seconds, Machine.LoadAverage());
        Console.WriteLine();
        Console.WriteLine(section);
        if (!a.Flag("--no-write"))
        {
            ResultsFile.WriteSection(a.ResultsPath(), Heading, section);
        }

        return otlp.Concat(ndjson).All(r => r.Errors == 0) ? 0 : 1;
    }

    private static async Task<IngestRun> RunOnFreshServiceAsync(string dll, TimeSpan warmup, TimeSpan seconds, Func<Uri, TimeSpan, int, int, string, Task<IngestRun>> load)
    {
        var folder = Directory.CreateTempSubdirectory("qw-bench-otlp-");
        try
        {
            await using var service = await ServiceProcess.StartReadyAsync(dll, new Dictionary<string, string>(BenchKey.Settings(Key))
            {
                ["Storage__DatabasePath"] = Path.Combine(folder.FullName, "qualitywatch.db"),
                ["Otlp__ResourceLabels__0"] = "dataset",
            });
            if (warmup > TimeSpan.Zero)
            {
                await load(service.BaseAddress, warmup, 8, 500, Key);
            }

            var run = await load(service.BaseAddress, seconds, 8, 500, Key);
            await service.StopAsync();
            return run;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static string Report(List<IngestRun> otlp, List<IngestRun> ndjson, TimeSpan seconds, double load)
    {
        var o = otlp.Average(r => r.Rate);
        var n = ndjson.Average(r => r.Rate);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"""
            `dotnet run -c Release --project bench/QualityWatch.Bench -- otlp-ingest` ({otlp.Count} alternating pairs, {seconds.TotalSeconds:0} s each,
            500 interactions per request, 8 connections, a fresh service child process per run, defaults: dedup on,
            `synchronous=FULL`; load average at the end {load:F1}). The spans carry the NDJSON lines' texts, model and version.

            | route | runs (interactions/s) | mean | p99 (last run) |
            |---|---|---:|---:|
            | OTLP/HTTP protobuf, `/v1/traces` | {string.Join(", ", otlp.Select(r => r.Rate.ToString("F0", CultureInfo.InvariantCulture)))} | {o:F0} | {otlp[^1].P99Ms:F0} ms |
            | NDJSON, `/v1/interactions` | {string.Join(", ", ndjson.Select(r => r.Rate.ToString("F0", CultureInfo.InvariantCulture)))} | {n:F0} | {ndjson[^1].P99Ms:F0} ms |

            **OTLP / NDJSON = {o / n:F2}** (target ≥ 0.50: {(o / n >= 0.5 ? "met" : "NOT met")}).
            """);
        return text.ToString();
    }
}
