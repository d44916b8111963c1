using QualityWatch.Bench.Shared;

namespace QualityWatch.Bench.Ingest;

/// <summary><c>ingest</c>: load against a QualityWatch someone else started (the load generator is its own process).</summary>
internal static class IngestCommand
{
    public const string Usage = "ingest --url http://127.0.0.1:8080 [--seconds 20] [--connections 8] [--batch 500] [--key KEY]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var a = new BenchArgs(args);
        var run = await IngestLoad.RunAsync(
            new Uri(a.String("--url", "http://127.0.0.1:8080")), a.Seconds("--seconds", 20), a.Int("--connections", 8), a.Int("--batch", 500), a.String("--key", ""));
        Console.WriteLine(run);
        return run.Errors == 0 ? 0 : 1;
    }
}
