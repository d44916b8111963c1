using Microsoft.Extensions.Time.Testing;
using QualityWatch.Alerting;
using QualityWatch.Incidents;
using QualityWatch.Notifications;

namespace QualityWatch.Tests.Support;

/// <summary>
/// The alerting services over a temp-file SQLite database migrated by the real migrator, with a fake
/// clock and a capturing outbox. A second harness over the same file is a restart.
/// </summary>
internal sealed class AlertHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private AlertHarness(ServiceProvider provider, CapturingOutbox outbox)
    {
        this.provider = provider;
        Outbox = outbox;
    }

    public CapturingOutbox Outbox { get; }

    public AlertEvaluator Evaluator => provider.GetRequiredService<AlertEvaluator>();

    public AlertStore Store => provider.GetRequiredService<AlertStore>();

    public IncidentStore Incidents => provider.GetRequiredService<IncidentStore>();

    public SilenceStore Silences => provider.GetRequiredService<SilenceStore>();

    public IncidentQueries IncidentQueries => provider.GetRequiredService<IncidentQueries>();

    public static async Task<AlertHarness> StartAsync(string databasePath, FakeTimeProvider time, IDictionary<string, string?> settings, CapturingOutbox? outbox = null)
    {
        var captured = outbox ?? new CapturingOutbox();
        var provider = await TestHost.ServicesAsync(databasePath, time, settings, services =>
        {
            services.AddSingleton<INotificationOutbox>(captured);
            services.AddAlerting();
        });
        return new AlertHarness(provider, captured);
    }

    /// <summary>Creates and migrates the database, so rows can be seeded before the first harness starts.</summary>
    public static async Task MigrateAsync(string databasePath, FakeTimeProvider time)
    {
        await using var harness = await StartAsync(databasePath, time, new Dictionary<string, string?>());
    }

    public Task EvaluateAsync() => Evaluator.EvaluateAsync(CancellationToken.None);

    public async Task<AlertInstance?> InstanceAsync(string rule, string stream = "default", string promptVersion = "")
    {
        var all = await Store.LoadAsync(rule, CancellationToken.None);
        return all.GetValueOrDefault((stream, promptVersion));
    }

    public ValueTask DisposeAsync() => provider.DisposeAsync();
}
