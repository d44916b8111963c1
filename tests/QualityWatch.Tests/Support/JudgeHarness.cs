using Microsoft.Extensions.Logging.Testing;
using QualityWatch.Simulator;

namespace QualityWatch.Tests.Support;

/// <summary>The judge simulator on loopback plus QualityWatch (every interaction sampled) pointed at it.</summary>
public sealed class JudgeHarness : IAsyncDisposable
{
    public const string GeminiKey = "sim-gemini-key-0123456789";
    public const string OpenAiKey = "sim-openai-key-0123456789";

    private readonly TempDirectory temp = new();
    private bool hostStopped;

    private JudgeHarness(JudgeSimulator simulator) => Simulator = simulator;

    public JudgeSimulator Simulator { get; }

    public InProcessHost Host { get; private set; } = null!;

    public string DatabasePath => temp.DatabasePath;

    public static async Task<JudgeHarness> StartAsync(string provider = "gemini", IDictionary<string, string?>? settings = null, SimulatorOptions? simulatorOptions = null, FakeLogCollector? logs = null)
    {
        simulatorOptions ??= new SimulatorOptions();
        simulatorOptions.GeminiApiKey = GeminiKey;
        simulatorOptions.OpenAiApiKey = OpenAiKey;
        var harness = new JudgeHarness(await JudgeSimulator.StartAsync(simulatorOptions));
        await harness.StartHostAsync(provider, settings, logs);
        return harness;
    }

    /// <summary><see cref="JudgeSettings"/> (Gemini) as a child process's environment, on the database at <paramref name="databasePath"/>.</summary>
    public static Dictionary<string, string> ProcessEnvironment(Uri simulator, string databasePath)
    {
        var environment = JudgeSettings("gemini", simulator).ToDictionary(p => p.Key.Replace(":", "__", StringComparison.Ordinal), p => p.Value!);
        environment["Storage__DatabasePath"] = databasePath;
        return environment;
    }

    public static Dictionary<string, string?> JudgeSettings(string provider, Uri simulator) => new(JudgeSimulator.ServiceSettings(simulator, provider, provider == "openai" ? OpenAiKey : GeminiKey))
    {
        ["Sampling:EveryN"] = "1",
        ["Judge:RequestsPerMinute"] = "6000",
        ["Judge:MaxConcurrency"] = "4",
        ["Judge:PollInterval"] = "00:00:00.200",
        ["Judge:AttemptBackoff"] = "00:00:00.100",
        ["Judge:RequestTimeout"] = "00:00:05",
    };

    public async Task StartHostAsync(string provider = "gemini", IDictionary<string, string?>? settings = null, FakeLogCollector? logs = null)
    {
        Host = await InProcessHost.StartAsync(temp.DatabasePath, TestHost.Settings(temp.DatabasePath, settings, JudgeSettings(provider, Simulator.BaseAddress)), logs);
        hostStopped = false;
    }

    public async Task StopHostAsync()
    {
        await Host.DisposeAsync();
        hostStopped = true;
    }

    /// <summary>Posts interactions and returns their ids.</summary>
    public async Task<List<string>> SendAsync(params string[] responses)
    {
        var batch = Some.Batch(responses.Length, i => Some.Interaction(response: responses[i], context: "Order 118822 shipped on 2026-03-02 with DHL."));
        var posted = await Host.Client.PostAsync("/v1/interactions", Some.Json(batch));
        posted.EnsureSuccessStatusCode();
        return [.. batch.Select(n => n!["id"]!.GetValue<string>())];
    }

    /// <summary>Waits until no sample is pending or leased (or the timeout passes) and returns the status counts.</summary>
    public async Task<Dictionary<string, long>> SettleAsync(TimeSpan? timeout = null, Func<Dictionary<string, long>, bool>? until = null)
    {
        until ??= counts => counts.GetValueOrDefault("pending") + counts.GetValueOrDefault("leased") == 0;
        return await Eventually.ValueAsync(
            () => Db.Query<(string Status, long Count)>(DatabasePath, "SELECT status, COUNT(*) FROM samples GROUP BY status").ToDictionary(r => r.Status, r => r.Count),
            until,
            timeout ?? TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        if (!hostStopped)
        {
            await Host.DisposeAsync();
        }

        await Simulator.DisposeAsync();
        temp.Dispose();
    }
}
