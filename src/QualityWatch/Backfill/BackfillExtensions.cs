using Microsoft.Extensions.DependencyInjection.Extensions;
using QualityWatch.Backfill.Batch;
using QualityWatch.Backfill.Batch.Webhooks;
using QualityWatch.Judging;

namespace QualityWatch.Backfill;

internal static class BackfillExtensions
{
    public static IServiceCollection AddBackfill(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<BackfillOptions, BackfillOptionsValidator>().BindConfiguration(BackfillOptions.SectionName);
        services.AddCurrentRubric();
        services.TryAddSingleton<BackfillWork>();
        services.TryAddSingleton<BackfillLoader>();
        services.TryAddSingleton<BackfillEstimator>();
        services.TryAddSingleton<BackfillJudge>();
        services.AddBatchJudging();
        services.AddGeminiWebhook();
        return services;
    }
}
