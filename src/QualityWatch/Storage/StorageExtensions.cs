using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QualityWatch.Storage;

internal static class StorageExtensions
{
    public static IServiceCollection AddStorage(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<StorageOptions, StorageOptionsValidator>().BindConfiguration(StorageOptions.SectionName);
        services.TryAddSingleton<SqliteConnectionFactory>();
        services.TryAddSingleton<SchemaMigrator>();
        services.AddHostedService<StorageInitializer>();
        return services;
    }
}
