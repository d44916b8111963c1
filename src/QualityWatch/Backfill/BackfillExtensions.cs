using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using QualityWatch.Backfill.Batch;
using QualityWatch.Backfill.Batch.Webhooks;

namespace QualityWatch.Backfill;

public static class BackfillExtensions
{
    public static IServiceCollection AddBackfill(this IServiceCollection services)
    {
        services.AddOptions<BackfillOptions>().BindConfiguration(BackfillOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BackfillOptions>, BackfillOptionsValidator>());
        services.TryAddSingleton<BackfillWork>();
        services.TryAddSingleton<BackfillLoader>();
        services.TryAddSingleton<BackfillEstimator>();
        services.TryAddSingleton<BackfillJudge>();
        services.AddBatchJudging();
        services.AddGeminiWebhook();
        return services;
    }
}
