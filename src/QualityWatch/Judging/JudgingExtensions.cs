using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Polly.Telemetry;
using QualityWatch.Telemetry;
using QualityWatch.Judging.Gemini;
using QualityWatch.Judging.OpenAi;
using QualityWatch.Judging.Queue;

namespace QualityWatch.Judging;

internal static class JudgingExtensions
{
    public static IServiceCollection AddJudging(this IServiceCollection services)
    {
        services.AddOptionsWithValidateOnStart<JudgeOptions, JudgeOptionsValidator>()
            .BindConfiguration(JudgeOptions.SectionName)
            .PostConfigure<IConfiguration>((options, configuration) =>
            {
                // The providers' conventional variables, when Judge:ApiKey is not set.
                if (string.IsNullOrEmpty(options.ApiKey))
                {
                    options.ApiKey = configuration[options.Provider == JudgeProviders.OpenAi ? "OPENAI_API_KEY" : "GEMINI_API_KEY"];
                }
            });

        services.AddCurrentRubric();

        // The rubric this process judges with: the configured one, unless a backfill run registered its --rubric first.
        services.TryAddSingleton(sp => Rubric.Load(sp.GetRequiredService<CurrentRubric>().Version));
        services.TryAddSingleton<JudgeRateLimits>();
        services.TryAddSingleton<JudgeQueueSignal>();
        services.TryAddSingleton<JudgeStatus>();
        services.TryAddSingleton<LogThrottle>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IMetricGauges, QueueGauges>());
        services.TryAddSingleton<CostCalculator>();
        services.TryAddSingleton<SampleQueue>();
        services.TryAddSingleton<JudgeFailurePolicy>();
        services.TryAddSingleton<JudgeStep>();
        services.TryAddSingleton<LeaseOwnerStore>();
        services.TryAddSingleton<LeaseOwner>();
        services.TryAddSingleton<JudgeCacheRegistry>();
        services.TryAddSingleton<GeminiContextCache>();
        services.TryAddSingleton<IJudgeProvider>(sp => sp.GetRequiredService<IOptions<JudgeOptions>>().Value.Provider == JudgeProviders.OpenAi
            ? ActivatorUtilities.CreateInstance<OpenAiJudgeProvider>(sp)
            : ActivatorUtilities.CreateInstance<GeminiJudgeProvider>(sp));

        services.AddHttpClient(JudgeHttp.ClientName, (sp, client) =>
            {
                var judge = sp.GetRequiredService<IOptions<JudgeOptions>>().Value;
                var baseUrl = judge.ResolvedBaseUrl.ToString();
                client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");

                // The resilience pipeline owns timeouts (per attempt); Flex calls can take many minutes.
                client.Timeout = Timeout.InfiniteTimeSpan;
                if (!string.IsNullOrEmpty(judge.ApiKey))
                {
                    if (judge.Provider == JudgeProviders.OpenAi)
                    {
                        client.DefaultRequestHeaders.Authorization = new("Bearer", judge.ApiKey);
                    }
                    else
                    {
                        client.DefaultRequestHeaders.Add("x-goog-api-key", judge.ApiKey);
                    }
                }
            })
            .AddResilienceHandler(JudgeResilience.HandlerName, (builder, context) => JudgeResilience.Configure(builder, context.ServiceProvider));
        services.Configure<TelemetryOptions>(telemetry => telemetry.SeverityProvider = JudgeResilience.Severity);

        // Before the worker: hosted services stop in reverse order, so the owner retires after the worker released its leases.
        services.AddHostedService<LeaseHeartbeat>();
        services.AddHostedService<JudgeWorker>();
        return services;
    }

    /// <summary>
    /// The configured rubric, for the features that count its verdicts: registered by each of them so that one composed
    /// without judging (a test's provider) still resolves it, from <c>Judge:Rubric</c> when judging binds it, else the default.
    /// </summary>
    public static IServiceCollection AddCurrentRubric(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => new CurrentRubric(sp.GetRequiredService<IOptions<JudgeOptions>>().Value.Rubric));
        return services;
    }
}
