using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QualityWatch.Hosting;
using QualityWatch.Simulator;

namespace QualityWatch.Bench.Shared;

/// <summary>
/// The judge simulator and the real service pointed at it (Gemini protocol), both in this process
/// on loopback Kestrel, with a fresh temp-file database; every interaction becomes a sample.
/// </summary>
internal sealed class JudgeRig : IAsyncDisposable
{
    private const string JudgeKey = "bench-judge-key-0123456789";
    private const string IngestKey = "bench-ingest-key-0123456789abcdef";
    private const int PostBatch = 1000;
    private readonly WebApplication app;
    private readonly DirectoryInfo folder;

    private JudgeRig(JudgeSimulator simulator, WebApplication app, DirectoryInfo folder)
    {
        Simulator = simulator;
        this.app = app;
        this.folder = folder;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromMinutes(2) };
        Client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", IngestKey);
    }

    public JudgeSimulator Simulator { get; }

    public HttpClient Client { get; }

    public string DatabasePath => Path.Combine(folder.FullName, "qualitywatch.db");

    /// <summary>Starts both; <paramref name="settings"/> override the service's judge settings (e.g. Judge:RequestsPerMinute).</summary>
    public static async Task<JudgeRig> StartAsync(SimulatorOptions simulatorOptions, IReadOnlyDictionary<string, string?> settings)
    {
        simulatorOptions.GeminiApiKey = JudgeKey;
        var simulator = await JudgeSimulator.StartAsync(simulatorOptions);
        var folder = Directory.CreateTempSubdirectory("qw-bench-judge-");
        var config = new Dictionary<string, string?>(simulator.ServiceSettings())
        {
            ["Storage:DatabasePath"] = Path.Combine(folder.FullName, "qualitywatch.db"),
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning",

            // Polly logs every handled 429 and retry as a warning: thousands of console lines that cost CPU the run should spend judging.
            ["Logging:LogLevel:Polly"] = "Error",
            ["Sampling:EveryN"] = "1",
        };
        foreach (var (key, value) in BenchKey.Settings(IngestKey, ":"))
        {
            config[key] = value;
        }

        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        try
        {
            var app = QualityWatchApp.Build(["--urls", "http://127.0.0.1:0"], builder => builder.Configuration.AddInMemoryCollection(config));
            await app.StartAsync();
            return new JudgeRig(simulator, app, folder);
        }
        catch
        {
            await simulator.DisposeAsync();
            folder.Delete(recursive: true);
            throw;
        }
    }

    /// <summary>Ingests <paramref name="count"/> distinct interactions over HTTP (NDJSON) and returns how many became samples.</summary>
    public async Task<long> QueueAsync(string run, int count)
    {
        var sampled = 0L;
        for (var from = 0; from < count; from += PostBatch)
        {
            using var content = new StringContent(JudgeTraffic.Ndjson(run, from, Math.Min(PostBatch, count - from)), Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            using var response = await Client.PostAsync("/v1/interactions", content);
            response.EnsureSuccessStatusCode();
            using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            sampled += answer.RootElement.GetProperty("sampled").GetInt64();
        }

        return sampled;
    }

    /// <summary>Samples per status (pending, leased, done, failed), read from the database.</summary>
    public Dictionary<string, long> StatusCounts()
    {
        using var connection = Open();
        return connection.Query<(string Status, long Count)>("SELECT status, COUNT(*) FROM samples GROUP BY status").ToDictionary(r => r.Status, r => r.Count);
    }

    /// <summary>Waits until no sample is pending or leased, or the timeout passes; returns the final counts.</summary>
    public async Task<Dictionary<string, long>> DrainAsync(TimeSpan timeout)
    {
        var deadline = TimeProvider.System.GetUtcNow() + timeout;
        while (true)
        {
            var counts = StatusCounts();
            if (counts.GetValueOrDefault("pending") + counts.GetValueOrDefault("leased") == 0 || TimeProvider.System.GetUtcNow() > deadline)
            {
                return counts;
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>A read connection to the service's database, for counting what it stored.</summary>
    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
        await Simulator.DisposeAsync();
        folder.Delete(recursive: true);
    }
}
