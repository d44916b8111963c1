using System.Net;
using System.Text;
using QualityWatch.Simulator;
using QualityWatch.Tests.Support;

namespace QualityWatch.Tests.Backfill.Batch;

/// <summary>
/// The simulator (batch jobs held) with jobs submitted by an interrupted backfill, then the real
/// service on 127.0.0.1 with the webhook enabled and polling so slow that only a webhook can make it
/// collect within a test; the simulator's webhooks point at the service.
/// </summary>
internal sealed class WebhookRig : IAsyncDisposable
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly TempDirectory temp = new();

    private WebhookRig(JudgeSimulator simulator) => Simulator = simulator;

    public JudgeSimulator Simulator { get; }

    public InProcessHost Host { get; private set; } = null!;

    public string DatabasePath => temp.DatabasePath;

    public Dictionary<string, string?> Settings { get; private set; } = [];

    public string LogPath { get; private set; } = "";

    /// <summary>
    /// Backfills <paramref name="samples"/> interactions in jobs of <paramref name="perJob"/>, stops once they all run, then starts the
    /// service, with <paramref name="serviceSettings"/> besides the rig's own.
    /// </summary>
    public static async Task<WebhookRig> StartAsync(int samples, int perJob, IReadOnlyDictionary<string, string?>? serviceSettings = null)
    {
        var simulator = await JudgeSimulator.StartAsync(new SimulatorOptions { GeminiApiKey = JudgeHarness.GeminiKey });
        simulator.Options.Batch.WebhookSecret = Secret;
        var rig = new WebhookRig(simulator);
        rig.LogPath = BackfillLogs.Write(Path.Combine(rig.temp.Path, "history.jsonl"), BackfillLogs.Lines(samples, TimeSpan.FromMinutes(1), "hook"));
        rig.Settings = BackfillRunner.Settings(simulator.BaseAddress, new Dictionary<string, string?>
        {
            ["Batch:MaxRequestsPerJob"] = perJob.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Batch:PollInterval"] = "01:00:00",
            ["Batch:MaxPollInterval"] = "01:00:00",
        });

        simulator.Batches.Hold();
        var jobs = (samples + perJob - 1) / perJob;
        using var interrupt = new CancellationTokenSource();
        var watch = Task.Run(async () =>
        {
            if (await Eventually.TrueAsync(() => Running(rig.DatabasePath) >= jobs, TimeSpan.FromMinutes(10)))
            {
                await interrupt.CancelAsync();
            }
        });
        var run = await rig.BackfillAsync(interrupt.Token);
        await watch;
        Assert.True(run.Exit == 130, run.Output + run.Errors);

        var host = new Dictionary<string, string?>(rig.Settings)
        {
            ["Batch:Webhook:Enabled"] = "true",
            ["Batch:Webhook:Secret"] = Secret,
        };
        foreach (var (key, value) in serviceSettings ?? new Dictionary<string, string?>())
        {
            host[key] = value;
        }

        rig.Host = await InProcessHost.StartAsync(rig.DatabasePath, host);
        simulator.Options.Batch.WebhookUri = new Uri(rig.Host.Client.BaseAddress!, "v1/webhooks/gemini");
        return rig;
    }

    public Task<(int Exit, string Output, string Errors)> BackfillAsync(CancellationToken cancellationToken = default) =>
        BackfillRunner.RunAsync(DatabasePath, Settings, cancellationToken, LogPath, "--every", "1", "--mode", "batch", "--yes");

    public long Scalar(string sql) => Db.Scalar<long>(DatabasePath, sql);

    /// <summary>Posts a delivery with the given headers and body, as a sender would.</summary>
    public async Task<HttpStatusCode> PostAsync(string id, string timestamp, string signature, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/v1/webhooks/gemini") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp);
        request.Headers.Add("webhook-signature", signature);
        using var response = await Host.Client.SendAsync(request);
        return response.StatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        await Simulator.DisposeAsync();
        temp.Dispose();
    }

    private static long Running(string database)
    {
        try
        {
            return Db.Scalar<long>(database, "SELECT COUNT(*) FROM batch_jobs WHERE state = 'running'");
        }
        catch (Microsoft.Data.Sqlite.SqliteException)
        {
            return 0;
        }
    }
}
