using System.CommandLine;
using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Ingest;

/// <summary><c>ingest</c>: load against a QualityWatch someone else started (the load generator is its own process).</summary>
internal static class IngestCommand
{
    public static Command Command() => BenchVerb.Create(
        "ingest",
        "load against a QualityWatch someone else started",
        RunAsync,
        BenchOption.String("--url", "http://127.0.0.1:8080", "the running service"),
        BenchOption.Seconds("--seconds", 20, "load per run"),
        BenchOption.Int("--connections", 8, "concurrent connections"),
        BenchOption.Int("--batch", 500, "interactions per NDJSON batch"),
        BenchOption.String("--key", "", "the ingest API key"));

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var run = await IngestLoad.RunAsync(
            new Uri(a.String("--url")), a.Seconds("--seconds"), a.Int("--connections"), a.Int("--batch"), a.String("--key"));
        Console.WriteLine(run);
        return run.Errors == 0 ? 0 : 1;
    }
}
