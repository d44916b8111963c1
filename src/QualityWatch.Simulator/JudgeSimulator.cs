using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using QualityWatch.Simulator.Faults;
using QualityWatch.Simulator.Hosting;
using QualityWatch.Simulator.Stats;

namespace QualityWatch.Simulator;

/// <summary>
/// The judge simulator in-process, on real Kestrel at 127.0.0.1 with a free port: point a Gemini
/// or OpenAI client at <see cref="BaseAddress"/>, script faults, then assert on <see cref="Stats"/>.
/// </summary>
public sealed class JudgeSimulator : IAsyncDisposable
{
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private readonly WebApplication app;

    private JudgeSimulator(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
        Faults = app.Services.GetRequiredService<SimulatorFaults>();
        Stats = app.Services.GetRequiredService<SimulatorStats>();
        Options = app.Services.GetRequiredService<SimulatorOptions>();
        Batches = app.Services.GetRequiredService<Gemini.Batch.BatchStore>();
    }

    /// <summary>Batch jobs: hold, expire and release them, and count creations.</summary>
    public Gemini.Batch.BatchStore Batches { get; }

    /// <summary>e.g. <c>http://127.0.0.1:PORT/</c>; Gemini paths start with <c>v1beta/</c>, OpenAI with <c>v1/</c>.</summary>
    public Uri BaseAddress { get; }

    public SimulatorFaults Faults { get; }

    public SimulatorStats Stats { get; }

    public SimulatorOptions Options { get; }

    /// <summary>
    /// The service's settings that point its judge at this simulator over <paramref name="provider"/>'s wire
    /// protocol (<c>gemini</c> or <c>openai</c>), with the key the simulator expects: one place for the demo,
    /// the benches and the tests. Merge other settings over it.
    /// </summary>
    public Dictionary<string, string?> ServiceSettings(string provider = "gemini") =>
        ServiceSettings(BaseAddress, provider, string.Equals(provider, "openai", StringComparison.Ordinal) ? Options.OpenAiApiKey : Options.GeminiApiKey);

    /// <summary>The same settings for a judge simulator (or a closed port standing in for a dead judge) at <paramref name="baseAddress"/>.</summary>
    public static Dictionary<string, string?> ServiceSettings(Uri baseAddress, string provider, string? apiKey)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var openAi = string.Equals(provider, "openai", StringComparison.Ordinal);
        return new(StringComparer.Ordinal)
        {
            ["Judge:Provider"] = provider,
            ["Judge:BaseUrl"] = (openAi ? new Uri(baseAddress, "v1/") : baseAddress).ToString(),
            ["Judge:ApiKey"] = apiKey,
            ["Judge:Model"] = openAi ? "gpt-5-mini" : "gemini-2.5-flash",
        };
    }

    /// <exception cref="ArgumentException">The options are out of range.</exception>
    public static async Task<JudgeSimulator> StartAsync(SimulatorOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new SimulatorOptions();
        var errors = SimulatorOptionsValidator.Validate(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        var app = JudgeSimulatorApp.Build(["--urls", "http://127.0.0.1:0"], options, quiet: true);
        try
        {
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new JudgeSimulator(app, new Uri(address.TrimEnd('/') + "/"));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await app.StopAsync(timeout.Token);
        }
        finally
        {
            await app.DisposeAsync();
        }
    }
}
