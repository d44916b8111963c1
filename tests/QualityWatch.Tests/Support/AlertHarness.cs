using Microsoft.Extensions.Time.Testing;
using QualityWatch.Alerting;
using QualityWatch.Incidents;
using QualityWatch.Notifications;
using QualityWatch.Storage;

namespace QualityWatch.Tests.Support;

/// <summary>
/// The alerting services over a temp-file SQLite database migrated by the real migrator, with a fake
/// clock and a capturing outbox. A second harness over the same file is a restart.
/// </summary>
public sealed class AlertHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;

    private AlertHarness(ServiceProvider provider, FakeOutbox outbox)
    {
        this.provider = provider;
        Outbox = outbox;
    }

    public FakeOutbox Outbox { get; }

    public AlertEvaluator Evaluator => provider.GetRequiredService<AlertEvaluator>();

    public AlertStore Store => provider.GetRequiredService<AlertStore>();

    public IncidentStore Incidents => provider.GetRequiredService<IncidentStore>();

    public SilenceStore Silences => provider.GetRequiredService<SilenceStore>();

    public IncidentQueries IncidentQueries => provider.GetRequiredService<IncidentQueries>();

    public static async Task<AlertHarness> StartAsync(string databasePath, FakeTimeProvider time, IDictionary<string, string?> settings, FakeOutbox? outbox = null)
    {
        var config = new Dictionary<string, string?> { ["Storage:DatabasePath"] = databasePath };
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        outbox ??= new FakeOutbox();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(config).Build());
        services.AddLogging();
        services.AddSingleton<TimeProvider>(time);
        services.AddSingleton<INotificationOutbox>(outbox);
        services.AddStorage();
        services.AddAlerting();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        return new AlertHarness(provider, outbox);
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
