using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;

namespace QualityWatch.Bench;

/// <summary>
/// Drives POST /v1/interactions with NDJSON batches (or single objects with --batch 1) from
/// several connections for a fixed time, and prints throughput and request latency.
/// </summary>
internal static class IngestLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = new Uri(Arg(args, "--url", "http://127.0.0.1:8080"));
        var seconds = int.Parse(Arg(args, "--seconds", "20"), CultureInfo.InvariantCulture);
        var connections = int.Parse(Arg(args, "--connections", "8"), CultureInfo.InvariantCulture);
        var batch = int.Parse(Arg(args, "--batch", "500"), CultureInfo.InvariantCulture);
        var key = Arg(args, "--key", "");
        var run = Guid.NewGuid().ToString("N")[..8];

        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections };
        using var client = new HttpClient(handler) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };
        if (key.Length > 0)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        var latencies = new List<double>[connections];
        var sent = new long[connections];
        var errors = 0L;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, connections).Select(worker => Task.Run(async () =>
        {
            latencies[worker] = [];
            for (var round = 0; !stop.IsCancellationRequested; round++)
            {
                var body = Body(run, worker, round, batch);
                using var content = new StringContent(body, Encoding.UTF8, batch == 1 ? "application/json" : "application/x-ndjson");
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/v1/interactions", content);
                latencies[worker].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                if (response.IsSuccessStatusCode)
                {
                    sent[worker] += batch;
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        var elapsed = clock.Elapsed.TotalSeconds;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var total = sent.Sum();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ingest: batch={batch} connections={connections} seconds={elapsed:F1} interactions={total} rate={total / elapsed:F0}/s requests={all.Length} errors={errors} p50={Percentile(all, 0.50):F2}ms p99={Percentile(all, 0.99):F2}ms"));
        return errors == 0 ? 0 : 1;
    }

    private static string Body(string run, int worker, int round, int batch)
    {
        var builder = new StringBuilder(batch * 260);
        for (var i = 0; i < batch; i++)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $$$"""{"id":"{{{run}}}-{{{worker}}}-{{{round}}}-{{{i}}}","prompt":"Where is my order {{{round}}}? My email is jane.doe@example.com","response":"Your order shipped yesterday and should arrive on Friday. Call +44 20 7946 0958 with questions.","model":"gpt-4o-mini","prompt_version":"v{{{round % 3}}}","labels":{"dataset":"customer-support-v2"}}""");
            builder.Append('\n');
        }

        return batch == 1 ? builder.ToString().TrimEnd('\n') : builder.ToString();
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    private static string Arg(string[] args, string name, string fallback)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
    }
}
