using System.CommandLine;
using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QualityWatch.Bench.Shared;
using QualityWatch.Hosting;

namespace QualityWatch.Bench.WebConsole;

/// <summary>
/// <c>console</c>: the web console's server time per page with a million samples. Starts the service (in this
/// process, on real Kestrel at 127.0.0.1) once to create the schema, fills the database directly (<see cref="ConsoleFill"/>),
/// starts it again (open console on loopback, no judge), waits until the trend rollup has folded every hour in, and
/// times each page over loopback: p50 and p95 against the 200 ms target.
/// </summary>
internal static class ConsoleCommand
{
    public const string Heading = "## Console pages";
    public const double TargetMs = 200;

    public static Command Command() => BenchVerb.Create(
        "console",
        "the console's server time per page with 1 M samples in the database",
        RunAsync,
        BenchOption.Int("--samples", 1_000_000, "samples (each with a verdict) to fill the database with"),
        BenchOption.Int("--requests", 40, "timed requests per page"),
        BenchOption.Results(),
        BenchOption.NoWrite());

    private static async Task<int> RunAsync(BenchArgs a)
    {
        var folder = Directory.CreateTempSubdirectory("qw-bench-console-");
        var database = Path.Combine(folder.FullName, "qualitywatch.db");
        try
        {
            await using (var first = await StartAsync(database))
            {
                await first.StopAsync();
            }

            var samples = a.Int("--samples");
            var (fillSeconds, someId) = ConsoleFill.Fill(database, samples);
            Console.WriteLine($"filled {samples:N0} samples and verdicts in {fillSeconds:F1} s");

            // Each page with a string only its real content has: a fast error page, login redirect or empty queue counts as an error.
            var pages = new (string Path, string Marker)[]
            {
                ("/", "href=\"/samples?stream=support"), ("/samples", "href=\"/samples/bench-"), ("/samples?stream=support", "href=\"/samples/bench-"),
                ("/samples?stream=support&hallucination=yes", "href=\"/samples/bench-"), ("/samples?hallucination=yes&max_accuracy=2", "href=\"/samples/bench-"),
                ("/samples/" + someId, someId), ("/alerts", "<h1"), ("/health", "<h1"),
                ("/reviews", "id=\"sample-heading\""), ("/reviews?stream=support", "id=\"sample-heading\""),
                ("/versions?stream=support&a=v1&b=v2", "</a> · accuracy 2 · bench"), ("/versions?stream=support&by=model&a=gpt-a&b=gpt-b", "</a> · accuracy 2 · bench"),
                ("/trends", "<svg"), ("/trends?stream=support", "<svg"), ("/reports/daily", "data:image/png;base64,"),
            };
            var results = new List<ConsolePageResult>();
            double rollupSeconds;
            await using (var service = await StartAsync(database))
            {
                var rollup = Stopwatch.StartNew();
                await RolledUpAsync(database);
                rollupSeconds = rollup.Elapsed.TotalSeconds;
                Console.WriteLine($"trend rollup caught up in {rollupSeconds:F1} s");
                var address = service.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
                using var client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
                foreach (var (page, marker) in pages)
                {
                    results.Add(await TimeAsync(client, page, marker, a.Int("--requests")));
                }
            }

            var section = ConsoleReport.Section(samples, fillSeconds, rollupSeconds, results);
            Console.WriteLine(section);
            if (a.Write)
            {
                ResultsFile.WriteSection(a.ResultsPath(), Heading, section);
            }

            return results.All(r => r.Errors == 0) ? 0 : 1;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<WebApplication> StartAsync(string database)
    {
        var app = QualityWatchApp.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:DatabasePath"] = database,
            ["Logging:LogLevel:Default"] = "Warning",
        }));
        await app.StartAsync();
        return app;
    }

    /// <summary>The fill marks every hour dirty; pages are timed once the service's own rollup has recomputed them all.</summary>
    private static async Task RolledUpAsync(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly");
        connection.Open();
        using var count = connection.CreateCommand();
        count.CommandText = "SELECT COUNT(*) FROM trend_dirty;";
        var deadline = Stopwatch.StartNew();
        while ((long)count.ExecuteScalar()! > 0 && deadline.Elapsed < TimeSpan.FromMinutes(15))
        {
            await Task.Delay(1000);
        }
    }

    private static async Task<ConsolePageResult> TimeAsync(HttpClient client, string page, string marker, int requests)
    {
        var errors = 0;
        for (var i = 0; i < 3; i++)
        {
            using var warm = await client.GetAsync(page);
        }

        var times = new List<double>();
        for (var i = 0; i < requests; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await client.GetAsync(page);
            var body = await response.Content.ReadAsStringAsync();
            times.Add(watch.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode || !body.Contains(marker, StringComparison.Ordinal))
            {
                errors++;
                if (errors == 1)
                {
                    Console.WriteLine($"{page}: {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}, body without \"{marker}\" ({body.Length} chars)");
                }
            }
        }

        times.Sort();
        return new ConsolePageResult(page, times[(int)(times.Count * 0.5)], times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.95) - 1)], times[^1], errors);
    }
}
