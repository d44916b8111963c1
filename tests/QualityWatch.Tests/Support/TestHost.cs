using QualityWatch.Storage;

namespace QualityWatch.Tests.Support;

/// <summary>
/// What every harness starts from: configuration on a temp-file database with the test's settings
/// on top, and, for the harnesses that run a stage's services without Kestrel, those services over
/// the database migrated by the real migrator. <see cref="InProcessHost"/> adds the whole app on Kestrel.
/// </summary>
internal static class TestHost
{
    /// <summary><paramref name="defaults"/>, then the database, then <paramref name="settings"/>: the test's word is last.</summary>
    public static Dictionary<string, string?> Settings(string databasePath, IEnumerable<KeyValuePair<string, string?>>? settings, IEnumerable<KeyValuePair<string, string?>>? defaults = null)
    {
        var config = new Dictionary<string, string?>(defaults ?? []) { ["Storage:DatabasePath"] = databasePath };
        foreach (var (key, value) in settings ?? [])
        {
            config[key] = value;
        }

        return config;
    }

    /// <summary>Configuration, the clock, logging and storage, then the stage's own services from <paramref name="add"/>; validated on build, database migrated.</summary>
    public static async Task<ServiceProvider> ServicesAsync(
        string databasePath, TimeProvider time, IDictionary<string, string?>? settings, Action<IServiceCollection> add)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(Settings(databasePath, settings)).Build());
        services.AddSingleton(time);
        services.AddLogging();
        add(services);
        services.AddStorage();
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await provider.GetRequiredService<SchemaMigrator>().MigrateAsync(CancellationToken.None);
        return provider;
    }
}
