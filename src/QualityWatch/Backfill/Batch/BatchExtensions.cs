using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using QualityWatch.Judging;

namespace QualityWatch.Backfill.Batch;

internal static class BatchExtensions
{
    public static IServiceCollection AddBatchJudging(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<BatchOptions, BatchOptionsValidator>().BindConfiguration(BatchOptions.SectionName);
        services.TryAddSingleton<GeminiBatchClient>();
        services.TryAddSingleton<BatchJobs>();
        services.TryAddSingleton<BatchJudge>();
        services.TryAddSingleton<BatchCollection>();
        services.TryAddSingleton<BatchCollectorSignal>();

        // The service collects jobs whoever submitted them; the backfill command builds but never starts the host.
        services.AddHostedService<BatchCollector>();
        services.AddHttpClient(GeminiBatchClient.HttpClientName, (sp, client) =>
            {
                var judge = sp.GetRequiredService<IOptions<JudgeOptions>>().Value;
                var baseUrl = judge.ResolvedBaseUrl.ToString();
                client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                if (!string.IsNullOrEmpty(judge.ApiKey))
                {
                    client.DefaultRequestHeaders.Add("x-goog-api-key", judge.ApiKey);
                }
            })
            .AddStandardResilienceHandler(o =>
            {
                // Creating a batch is not idempotent: a retried POST could make a second job. Reads retry.
                o.Retry.DisableForUnsafeHttpMethods();
                o.AttemptTimeout.Timeout = TimeSpan.FromMinutes(2);
                o.TotalRequestTimeout.Timeout = TimeSpan.FromMinutes(10);
                o.CircuitBreaker.SamplingDuration = TimeSpan.FromMinutes(5);
            });

        return services;
    }
}
